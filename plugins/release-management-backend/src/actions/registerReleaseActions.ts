import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  analysisReadPermission,
  calendarQuerySchema,
  conflictCheckRequestSchema,
  createReleaseRequestSchema,
  deploymentReadPermission,
  freezeWindowReadPermission,
  metricsQuerySchema,
  metricsReadPermission,
  releaseCreatePermission,
  releaseModelReadPermission,
  releaseReadPermission,
  releaseUpdatePermission,
} from '@release-management/plugin-release-management-common';
import type { AnalysisService } from '../analysis/AnalysisService';
import type { MetricsService } from '../metrics/MetricsService';
import { parse, type RouterContext } from '../router/RouterContext';
import type { CalendarService } from '../scheduling/CalendarService';
import type { SchedulingService } from '../scheduling/SchedulingService';
import type { ReleaseService } from '../service/ReleaseService';

const DAY_MS = 86_400_000;

/**
 * Actions for AI agents and other tools through the Backstage actions
 * registry: four that read (an entity's release calendar, the conflicts of
 * a plan, the impact of a release, the metrics) and one that writes (a
 * draft release). Each checks the caller's own permissions, exactly as
 * the HTTP route it mirrors does, and validates its input with the same
 * schema, so an action can never do more than its caller could.
 */
export function registerReleaseActions(
  registry: ActionsRegistryService,
  deps: {
    ctx: RouterContext;
    releases: ReleaseService;
    calendars: CalendarService;
    scheduling: SchedulingService;
    analysis: AnalysisService;
    metrics: MetricsService;
    /** Where the app shows a release, for links in action output. */
    appBaseUrl: string;
  },
): void {
  const { ctx } = deps;

  registry.register({
    name: 'get-release-calendar',
    title: 'Release calendar of an entity',
    description:
      'Lists the releases, freeze windows and maintenance windows that concern a catalog entity in a time range: its own releases and, by default, those of what it depends on and what depends on it. Use it to answer "what is being released around my service?". Ranges default to the next 30 days.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .describe('Entity ref, e.g. component:default/cart-service'),
          from: z.string().optional().describe('ISO 8601 instant; default now'),
          to: z
            .string()
            .optional()
            .describe('ISO 8601 instant; default 30 days after from'),
          neighbours: z
            .enum(['none', 'direct', 'transitive'])
            .optional()
            .describe('Whose releases to include besides the entity'),
        }),
      output: z =>
        z.object({
          releases: z.array(
            z
              .object({
                id: z.string(),
                title: z.string(),
                status: z.string(),
                reason: z.string(),
              })
              .passthrough(),
          ),
          freezes: z.array(z.object({}).passthrough()),
          busy: z
            .array(
              z.object({
                start: z.string(),
                end: z.string(),
                reason: z.string(),
              }),
            )
            .describe(
              'Windows of releases the caller may not read: busy, nothing more',
            ),
          truncated: z.boolean(),
        }),
    },
    action: async ({ input, credentials }) => {
      const from = input.from ?? new Date().toISOString();
      const query = parse(
        calendarQuerySchema,
        {
          entityRef: input.entityRef,
          neighbours: input.neighbours,
          from,
          to:
            input.to ?? new Date(Date.parse(from) + 30 * DAY_MS).toISOString(),
        },
        'input',
      );
      const permission = await ctx.releaseFilter(
        credentials,
        releaseReadPermission,
      );
      const calendar = await deps.calendars.calendar({
        ...query,
        permission,
        deployments: await ctx.isAllowed(credentials, deploymentReadPermission),
        freezes: await ctx.isAllowed(credentials, freezeWindowReadPermission),
        maintenanceWindows: await ctx.isAllowed(
          credentials,
          releaseModelReadPermission,
        ),
      });
      return {
        output: {
          releases: calendar.releases,
          freezes: calendar.freezes,
          busy: calendar.busy,
          truncated: calendar.truncated,
        },
      };
    },
  });

  registry.register({
    name: 'check-release-conflicts',
    title: 'Conflicts of a release plan',
    description:
      'Checks a plan that need not be saved (a release model, the entities in scope and a planned window) against other releases, their dependencies and dependents, freeze windows, maintenance windows, lead time and concurrency limits. Each conflict says how severe it is and why.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          model: z.string().describe('Release model name, e.g. normal'),
          scope: z
            .array(z.string())
            .describe('Entity refs of the configuration items released'),
          window: z.object({
            start: z.string().describe('ISO 8601 instant'),
            end: z.string().describe('ISO 8601 instant, after start'),
            timeZone: z.string().describe('IANA time zone, e.g. Europe/Oslo'),
          }),
        }),
      output: z =>
        z.object({
          conflicts: z.array(
            z
              .object({
                kind: z.string(),
                severity: z.string(),
                message: z.string(),
              })
              .passthrough(),
          ),
          blocking: z.boolean(),
        }),
    },
    action: async ({ input, credentials }) => {
      const plan = parse(conflictCheckRequestSchema, input, 'input');
      const readable = await ctx.releaseFilter(
        credentials,
        releaseReadPermission,
      );
      const conflicts = await deps.scheduling.check({ ...plan, readable });
      return {
        output: {
          conflicts,
          blocking: conflicts.some(c => c.severity === 'blocking'),
        },
      };
    },
  });

  registry.register({
    name: 'get-release-impact',
    title: 'Impact of a release',
    description:
      'The blast radius of a release: every catalog entity its scope reaches through dependencies, provided APIs and their consumers and system membership, with the path to each, and the owners and systems touched.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z => z.object({ releaseId: z.string().describe('Release id') }),
      output: z =>
        z.object({
          roots: z.array(z.string()),
          entities: z.array(
            z
              .object({ entityRef: z.string(), depth: z.number() })
              .passthrough(),
          ),
          owners: z.array(z.object({ ref: z.string(), entities: z.number() })),
          systems: z.array(z.object({ ref: z.string(), entities: z.number() })),
          cutOff: z.boolean(),
        }),
    },
    action: async ({ input, credentials }) => {
      await ctx.authorize(credentials, analysisReadPermission);
      await deps.releases.getStored(input.releaseId);
      await ctx.authorizeReleaseRead(credentials, input.releaseId);
      const impact = await deps.analysis.impact(
        { releaseId: input.releaseId },
        { maxDepth: 6, maxEntities: 2000 },
      );
      return {
        output: {
          roots: impact.roots,
          entities: impact.entities,
          owners: impact.owners,
          systems: impact.systems,
          cutOff: impact.cutOff,
        },
      };
    },
  });

  registry.register({
    name: 'get-release-metrics',
    title: 'Release management metrics',
    description:
      'The ITIL key metrics of release management (successful release rate, incidents related to releases, schedule adherence, backlog throughput, adoption, audit findings, satisfaction, owner alignment) and the DORA figures for a period, in total and optionally per system, domain, owner, model or month, each with its exact definition. A null value means there was nothing to compute it from.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          from: z.string().optional().describe('ISO 8601; default 90 days ago'),
          to: z.string().optional().describe('ISO 8601; default now'),
          groupBy: z
            .enum(['system', 'domain', 'owner', 'model', 'month'])
            .optional(),
        }),
      output: z =>
        z.object({
          from: z.string(),
          to: z.string(),
          definitions: z.array(
            z.object({ key: z.string(), definition: z.string() }).passthrough(),
          ),
          totals: z.record(
            z.object({ value: z.number().nullable() }).passthrough(),
          ),
          groups: z.array(
            z.object({ key: z.string(), label: z.string() }).passthrough(),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      const query = parse(metricsQuerySchema, input, 'input');
      await ctx.authorize(credentials, metricsReadPermission);
      const metrics = await deps.metrics.metrics(query);
      return { output: metrics };
    },
  });

  registry.register({
    name: 'create-draft-release',
    title: 'Create a draft release',
    description:
      'Creates a release in draft from a release model: title, version label, the entities in scope with the version of each, and optionally a planned window. Nothing is scheduled or deployed; a person moves it on. Returns the new release and a link to it.',
    attributes: { readOnly: false, destructive: false, idempotent: false },
    schema: {
      input: z =>
        z.object({
          model: z.string().describe('Release model name'),
          title: z.string(),
          versionLabel: z.string().describe('e.g. "cart 4.2"'),
          notes: z.string().optional().describe('Release notes, markdown'),
          scope: z
            .array(
              z.object({
                entityRef: z.string(),
                version: z.string(),
              }),
            )
            .describe('Entities released and the version of each'),
          plannedWindow: z
            .object({
              start: z.string(),
              end: z.string(),
              timeZone: z.string(),
            })
            .optional(),
        }),
      output: z =>
        z.object({
          id: z.string(),
          title: z.string(),
          status: z.string(),
          url: z.string(),
        }),
    },
    action: async ({ input, credentials }) => {
      const release = await ctx.audited(
        undefined,
        'release-create',
        { model: input.model, via: 'action' },
        async () => {
          const body = parse(createReleaseRequestSchema, input, 'input');
          await ctx.authorize(credentials, releaseCreatePermission);
          return deps.releases.create(
            body,
            await ctx.actor(credentials),
            credentials,
            proposed =>
              ctx.authorizeScope(
                credentials,
                releaseUpdatePermission,
                proposed,
              ),
          );
        },
        r => ({ releaseId: r.id }),
      );
      return {
        output: {
          id: release.id,
          title: release.title,
          status: release.status,
          url: `${
            deps.appBaseUrl
          }/release-management/releases/${encodeURIComponent(release.id)}`,
        },
      };
    },
  });
}
