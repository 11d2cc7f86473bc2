import {
  coreServices,
  createBackendPlugin,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  type RootConfigService,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { isResourcePermission } from '@backstage/plugin-permission-common';
import {
  createConditionAuthorizer,
  createConditionTransformer,
} from '@backstage/plugin-permission-node';
import {
  releaseManagementPermissions,
  releaseApprovePermission,
  releaseReadPermission,
  releaseTransitionPermission,
  releaseUpdatePermission,
} from '@release-management/plugin-release-management-common';
import { registerReleaseActions } from './actions/registerReleaseActions';
import { AnalysisService } from './analysis/AnalysisService';
import { CatalogSnapshotService } from './analysis/CatalogSnapshotService';
import { CalendarService } from './scheduling/CalendarService';
import { DatabaseDeploymentStore } from './database/DatabaseDeploymentStore';
import { DatabaseFeedStore } from './database/DatabaseFeedStore';
import { DatabaseMetricsStore } from './database/DatabaseMetricsStore';
import { DatabaseReviewStore } from './database/DatabaseReviewStore';
import { MetricsService } from './metrics/MetricsService';
import { ReleaseNotifier } from './notifications/ReleaseNotifier';
import {
  DEFAULT_REMINDER_SCHEDULE,
  ReleaseReminders,
} from './notifications/ReleaseReminders';
import { ImpactedOwners } from './service/ImpactedOwners';
import { ReviewService } from './service/ReviewService';
import { FeedService } from './scheduling/FeedService';
import { SchedulingService } from './scheduling/SchedulingService';
import { DatabaseFreezeWindowStore } from './database/DatabaseFreezeWindowStore';
import { DatabaseReleaseModelStore } from './database/DatabaseReleaseModelStore';
import { DatabaseReleaseStore } from './database/DatabaseReleaseStore';
import { CachedFreezeWindowStore } from './database/CachedFreezeWindowStore';
import { CachedReleaseModelStore } from './database/CachedReleaseModelStore';
import { ChangeCounters } from './database/ChangeCounters';
import { ReleaseIndex } from './database/ReleaseIndex';
import { releaseResourceRef, releaseRules } from './permissions';
import { createRouter } from './router/createRouter';
import { RouterContext } from './router/RouterContext';
import { CatalogScopeResolver } from './service/CatalogScopeResolver';
import { systemClock } from './service/Clock';
import { DemoDataSeeder } from './service/DemoDataSeeder';
import { DeploymentGateService } from './service/DeploymentGateService';
import { DeploymentService } from './service/DeploymentService';
import { FreezeWindowService } from './service/FreezeWindowService';
import { readConfigModels } from './service/readConfigModels';
import { ReleaseModelService } from './service/ReleaseModelService';
import { logPipelineAccess } from './service/pipelineAccess';
import { PhaseService } from './service/PhaseService';
import { ReleaseCandidates } from './service/ReleaseCandidates';
import { ReleaseService } from './service/ReleaseService';

/** `releaseManagement.notifications.reminderSchedule`, or the default. */
function reminderSchedule(config: RootConfigService) {
  const schedule = config.getOptionalConfig(
    'releaseManagement.notifications.reminderSchedule',
  );
  return schedule
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(schedule)
    : DEFAULT_REMINDER_SCHEDULE;
}

/**
 * The release-management backend plugin.
 *
 * @public
 */
export const releaseManagementPlugin = createBackendPlugin({
  pluginId: 'release-management',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        userInfo: coreServices.userInfo,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        catalog: catalogServiceRef,
        notifications: notificationService,
        actionsRegistry: actionsRegistryServiceRef,
      },
      async init(deps) {
        const { config, logger, database, httpRouter, permissionsRegistry } =
          deps;
        logPipelineAccess(config, logger);

        // Conflict checks and calendars read releases, freeze windows and
        // models from memory, kept coherent through change counters.
        const counters = await ChangeCounters.create({ database });
        const modelStore = new CachedReleaseModelStore(
          await DatabaseReleaseModelStore.create({ database }),
          counters,
        );
        const releaseStore = await DatabaseReleaseStore.create({ database });
        const releaseIndex = await ReleaseIndex.create({
          database,
          counters,
          store: releaseStore,
        });
        const freezeWindowStore = new CachedFreezeWindowStore(
          await DatabaseFreezeWindowStore.create({ database }),
          counters,
        );
        const deploymentStore = await DatabaseDeploymentStore.create({
          database,
        });

        // Hourly rules multiply the work of every calendar and check by 24.
        const recurrence = {
          allowHourly:
            config.getOptionalBoolean(
              'releaseManagement.recurrence.allowHourly',
            ) ?? false,
        };
        const models = new ReleaseModelService(
          modelStore,
          systemClock,
          recurrence,
        );
        await models.syncConfigModels(readConfigModels(config), logger);
        const freezeWindows = new FreezeWindowService(
          freezeWindowStore,
          systemClock,
          recurrence,
        );

        const snapshots = new CatalogSnapshotService({
          catalog: deps.catalog,
          auth: deps.auth,
          logger,
          clock: systemClock,
          maxEntities:
            config.getOptionalNumber(
              'releaseManagement.analysis.maxEntities',
            ) ?? 500_000,
          pageSize:
            config.getOptionalNumber('releaseManagement.analysis.pageSize') ??
            1000,
          annotationKeys: () => models.selectorAnnotationKeys(),
          refreshCooldownSeconds: config.getOptionalNumber(
            'releaseManagement.analysis.refreshCooldownSeconds',
          ),
        });
        const scheduling = new SchedulingService({
          releaseStore: releaseIndex,
          models,
          freezeWindows,
          snapshots,
          clock: systemClock,
        });
        const releases = new ReleaseService(
          releaseStore,
          models,
          new CatalogScopeResolver(deps.catalog),
          systemClock,
          // Decisions weigh every release alike; `readable` only redacts
          // what the caller is told.
          (release, model, readable) =>
            scheduling.conflictsOfRelease(release, model, readable),
        );
        const candidates = new ReleaseCandidates(releaseStore, releases);
        const deployments = new DeploymentService({
          store: deploymentStore,
          candidates,
          clock: systemClock,
          productionEnvironments: config.getOptionalStringArray(
            'releaseManagement.deployments.productionEnvironments',
          ),
        });
        const gate = new DeploymentGateService({
          candidates,
          deployments,
          freezeWindows,
          snapshots,
          store: deploymentStore,
          clock: systemClock,
        });
        const calendars = new CalendarService({
          releaseStore: releaseIndex,
          freezeWindows,
          models,
          snapshots,
          deploymentStore,
        });
        const feeds = new FeedService({
          store: await DatabaseFeedStore.create({ database }),
          calendars,
          clock: systemClock,
          apiBaseUrl: await deps.discovery.getExternalBaseUrl(
            'release-management',
          ),
          // Links in calendar feeds point here.
          appBaseUrl:
            config.getOptionalString('app.baseUrl') ?? 'http://localhost:3000',
          userExists: async userRef =>
            Boolean(
              await deps.catalog.getEntityByRef(userRef, {
                credentials: await deps.auth.getOwnServiceCredentials(),
              }),
            ),
          expiryDays: config.getOptionalNumber(
            'releaseManagement.feeds.expiryDays',
          ),
        });
        const analysis = new AnalysisService(
          snapshots,
          models,
          releases,
          systemClock,
        );
        const reviewStore = await DatabaseReviewStore.create({ database });
        const impactedOwners = new ImpactedOwners(analysis, logger);
        const notifier = new ReleaseNotifier({
          notifications: deps.notifications,
          owners: impactedOwners,
          store: reviewStore,
          releases,
          clock: systemClock,
          logger,
        });
        releases.onEvent(notifier.handle);
        await new ReleaseReminders({
          releaseStore,
          store: reviewStore,
          notifier,
          clock: systemClock,
          logger,
          reminderDays:
            config.getOptionalNumber(
              'releaseManagement.notifications.reminderDays',
            ) ?? 2,
        }).schedule(deps.scheduler, reminderSchedule(config));
        await snapshots.schedule(deps.scheduler, {
          minutes:
            config.getOptionalNumber(
              'releaseManagement.analysis.refreshMinutes',
            ) ?? 5,
        });

        permissionsRegistry.addPermissions(
          releaseManagementPermissions.filter(p => !isResourcePermission(p)),
        );
        permissionsRegistry.addResourceType({
          resourceRef: releaseResourceRef,
          permissions: [
            releaseReadPermission,
            releaseUpdatePermission,
            releaseTransitionPermission,
            releaseApprovePermission,
          ],
          rules: Object.values(releaseRules),
          getResources: async ids => {
            const found = await releaseStore.getMany(ids);
            return ids.map(id => found.find(r => r.id === id));
          },
        });

        const metrics = new MetricsService({
          store: await DatabaseMetricsStore.create({ database }),
          snapshots,
          analysis,
          clock: systemClock,
          logger,
        });
        const context = new RouterContext({
          httpAuth: deps.httpAuth,
          userInfo: deps.userInfo,
          permissions: deps.permissions,
          auditor: deps.auditor,
          releaseConditionTransformer: createConditionTransformer(
            permissionsRegistry.getPermissionRuleset(releaseResourceRef),
          ),
          releaseConditionAuthorizer: createConditionAuthorizer(
            permissionsRegistry.getPermissionRuleset(releaseResourceRef),
          ),
        });
        httpRouter.use(
          await createRouter({
            context,
            logger,
            models,
            releases,
            freezeWindows,
            analysis,
            scheduling,
            calendars,
            feeds,
            deployments,
            gate,
            phases: new PhaseService(releaseStore, releases, systemClock),
            metrics,
            reviews: new ReviewService({
              store: reviewStore,
              releases,
              owners: impactedOwners,
              clock: systemClock,
            }),
          }),
        );
        registerReleaseActions(deps.actionsRegistry, {
          ctx: context,
          releases,
          calendars,
          scheduling,
          analysis,
          metrics,
          appBaseUrl:
            config.getOptionalString('app.baseUrl') ?? 'http://localhost:3000',
        });
        // Load balancers and uptime probes call this without a token.
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
        // Calendar clients cannot send Backstage tokens; the feed token in
        // the path is checked by the route itself.
        httpRouter.addAuthPolicy({ path: '/ics', allow: 'unauthenticated' });

        if (config.getOptionalBoolean('releaseManagement.demoData.enabled')) {
          await new DemoDataSeeder({
            logger,
            auth: deps.auth,
            catalog: deps.catalog,
            releasesAsOf: clock =>
              new ReleaseService(
                releaseStore,
                models,
                new CatalogScopeResolver(deps.catalog),
                clock,
                (release, model) =>
                  new SchedulingService({
                    releaseStore,
                    models,
                    freezeWindows,
                    snapshots,
                    clock,
                  }).conflictsOfRelease(release, model, undefined),
              ),
            deployments,
            releaseStore,
            freezeWindows,
            clock: systemClock,
          }).schedule(deps.scheduler);
        }
      },
    });
  },
});
