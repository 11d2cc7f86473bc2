import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  /**
   * Configuration of the release-management plugin.
   */
  releaseManagement?: {
    /**
     * Demo data for trying the plugin out: when enabled and the database
     * holds no releases, a scheduled task creates releases in various states
     * around today and a few freeze windows on the sample organisation's
     * entities (it waits until `component:default/cart-service` exists).
     */
    demoData?: {
      /** Defaults to false. */
      enabled?: boolean;
    };

    /** Deployments reported by CI/CD pipelines and the deployment gate. */
    deployments?: {
      /**
       * Environment names (compared without case) that count as
       * production: only there does the gate ask for a release, and only
       * there is a deployment no release covers an audit finding. Defaults
       * to production and prod.
       */
      productionEnvironments?: string[];
    };

    /** Calendar feeds (ICS subscriptions). */
    feeds?: {
      /**
       * Days a feed works before its owner must renew it; default 180.
       * Renewing also applies the owner's current read permission.
       */
      expiryDays?: number;
    };

    /** Repeating freeze and maintenance windows. */
    recurrence?: {
      /**
       * Whether rules may repeat hourly (FREQ=HOURLY). Defaults to false:
       * an hourly rule costs every calendar and conflict check 24 times
       * the work of a daily one, and is refused with 400 unless allowed.
       * Rules already stored keep working either way.
       */
      allowHourly?: boolean;
    };

    /** What owners of impacted entities are told about releases. */
    notifications?: {
      /**
       * Days before a planned or scheduled release starts that its
       * impacted owners get a reminder; default 2. The reminder task runs
       * on one replica at a time and sends each reminder once.
       */
      reminderDays?: number;
      /**
       * When the reminder task runs; default every 15 minutes, a 10-minute
       * timeout and 1 minute after start. `scope` is always global. A
       * reminder claimed by a run that stopped before sending it (replica
       * shut down or dead, timeout, notification failed) is claimed again
       * by a later run once `timeout` has passed.
       */
      reminderSchedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };

    /** The in-memory catalog snapshot behind the architecture analyses. */
    analysis?: {
      /** Minutes between snapshot refreshes; default 5. */
      refreshMinutes?: number;
      /** Most entities held, to bound memory; default 500000. */
      maxEntities?: number;
      /** Entities per catalog request while building; default 1000. */
      pageSize?: number;
      /**
       * Seconds after a refresh during which `POST /analysis/snapshot/refresh`
       * answers with that snapshot instead of reading the whole catalog
       * again, so that a loop of requests cannot keep the catalog busy;
       * default 30.
       */
      refreshCooldownSeconds?: number;
    };

    /**
     * Release models declared as code. They are read-only through the API
     * and UI. A change to one becomes a new revision at the next start;
     * releases keep the revision they were created with. The fields are
     * those of `POST /api/release-management/models`; see the README.
     */
    models?: Array<{
      /** Unique name: lower-case letters, digits and dashes. */
      name: string;
      title: string;
      description?: string;
      /** Group ref of the owning team, e.g. group:default/release-managers. */
      owner: string;
      /** major, minor, patch, emergency or standard. */
      releaseType: string;
      /** big-bang, phased, canary, blue-green or feature-flag. */
      rolloutStrategy: string;
      /** Breaks ties between models whose selectors match equally well. */
      priority?: number;
      /** Which catalog entities the model is for. */
      applicability?: {
        kinds?: string[];
        types?: string[];
        lifecycles?: string[];
        systems?: string[];
        owners?: string[];
        tags?: string[];
        annotations?: { [name: string]: string };
      };
      schedulingPolicy?: {
        minimumLeadTimeHours?: number;
        freezeOverrideAllowed?: boolean;
        maxConcurrentReleasesPerSystem?: number;
        maintenanceWindows?: Array<{
          title: string;
          /** RFC 5545 recurrence rule, e.g. FREQ=WEEKLY;BYDAY=MO,TU */
          rrule: string;
          timeZone: string;
          /** HH:mm in timeZone */
          startTime: string;
          durationMinutes: number;
        }>;
      };
      /** Ordered stages; each one's gate guards the move to `completesWith`. */
      stages: Array<{
        key: string;
        title: string;
        description?: string;
        /** The release status this stage's gate leads to. */
        completesWith: string;
        checklist?: Array<{ id: string; title: string; required?: boolean }>;
        approvals?: Array<{
          id: string;
          title: string;
          count?: number;
          /** { type: group, group: group:default/x } | { type: release-manager } | { type: scope-owners } */
          from: { type: string; group?: string };
        }>;
        /** scope-not-empty, planned-window-set, notes-written, review-recorded */
        automaticChecks?: string[];
      }>;
      /** Allowed transitions; the standard lifecycle when left out. */
      transitions?: Array<{ from: string; to: string }>;
    }>;
  };
}
