import type {
  AuditorService,
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  type BasicPermission,
  type PermissionCriteria,
  type PolicyDecision,
  type ResourcePermission,
} from '@backstage/plugin-permission-common';
import type { ConditionTransformer } from '@backstage/plugin-permission-node';
import { releaseReadPermission } from '@release-management/plugin-release-management-common';
import type { JsonObject } from '@backstage/types';
import type { Request } from 'express';
import { z } from 'zod';
import type {
  ReleaseRuleFilter,
  StoredRelease,
} from '../database/ReleaseStore';
import type { Actor } from '../domain/approvers';
import { releaseNotFound } from '../domain/releaseNotFound';
import { assertWithinHorizon } from './horizon';

/**
 * What every route needs besides its service: who is calling, what they may
 * do, input validation and the audit trail. Routes stay a few lines long.
 */
export class RouterContext {
  constructor(
    private readonly options: {
      httpAuth: HttpAuthService;
      userInfo: UserInfoService;
      permissions: PermissionsService;
      auditor: AuditorService;
      releaseConditionTransformer: ConditionTransformer<ReleaseRuleFilter>;
      /**
       * Applies a conditional decision to a release, e.g. one not stored
       * yet; without it conditional decisions on such releases deny.
       */
      releaseConditionAuthorizer?: (
        decision: PolicyDecision,
        release: StoredRelease,
      ) => boolean;
    },
  ) {}

  credentials(req: Request): Promise<BackstageCredentials> {
    return this.options.httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
  }

  /** The caller as an actor: a user with their ownership refs, or a service. */
  async actor(credentials: BackstageCredentials): Promise<Actor> {
    const principal = credentials.principal as
      | { type: 'user'; userEntityRef: string }
      | { type: 'service'; subject: string };
    if (principal.type === 'user') {
      const info = await this.options.userInfo.getUserInfo(credentials);
      return {
        ref: info.userEntityRef,
        ownershipEntityRefs: info.ownershipEntityRefs,
      };
    }
    return { ref: principal.subject, ownershipEntityRefs: [] };
  }

  /** Throws NotAllowedError unless the permission is granted outright. */
  async authorize(
    credentials: BackstageCredentials,
    permission: BasicPermission | ResourcePermission,
    resourceRef?: string,
  ): Promise<void> {
    await this.authorizeAll(credentials, [{ permission, resourceRef }]);
  }

  /**
   * Throws NotAllowedError, naming the first refused permission in the
   * order given, unless every one is granted outright. Asks in one call:
   * for a user that is one round trip to the permission backend, however
   * many permissions a route needs.
   */
  async authorizeAll(
    credentials: BackstageCredentials,
    requests: Array<{
      permission: BasicPermission | ResourcePermission;
      resourceRef?: string;
    }>,
  ): Promise<void> {
    const decisions = await this.decide(credentials, requests);
    const refused = requests.find(
      (_, i) => decisions[i].result !== AuthorizeResult.ALLOW,
    );
    if (refused) {
      throw new NotAllowedError(
        `You are not allowed to do this (permission ${refused.permission.name})`,
      );
    }
  }

  /**
   * Throws, exactly as for an unknown id, unless the caller may read
   * release `id`: a release hidden from them answers 404, not 403, so its
   * existence is not told either.
   */
  async authorizeReleaseRead(
    credentials: BackstageCredentials,
    id: string,
  ): Promise<void> {
    if (!(await this.isAllowed(credentials, releaseReadPermission, id))) {
      throw releaseNotFound(id);
    }
  }

  async isAllowed(
    credentials: BackstageCredentials,
    permission: BasicPermission | ResourcePermission,
    resourceRef?: string,
  ): Promise<boolean> {
    const [decision] = await this.decide(credentials, [
      { permission, resourceRef },
    ]);
    return decision.result === AuthorizeResult.ALLOW;
  }

  private decide(
    credentials: BackstageCredentials,
    requests: Array<{
      permission: BasicPermission | ResourcePermission;
      resourceRef?: string;
    }>,
  ) {
    return this.options.permissions.authorize(
      requests.map(({ permission, resourceRef }) =>
        resourceRef !== undefined && 'resourceType' in permission
          ? { permission: permission as ResourcePermission, resourceRef }
          : { permission: permission as BasicPermission },
      ),
      { credentials },
    );
  }

  /** The decision on a resource permission with its conditions, if any. */
  private async conditionalDecision(
    credentials: BackstageCredentials,
    permission: ResourcePermission,
  ) {
    const [decision] = await this.options.permissions.authorizeConditional(
      [{ permission }],
      { credentials },
    );
    return decision;
  }

  /**
   * Throws NotAllowedError unless the permission covers `release` as it
   * will be after a change: the stored release is what `authorize` checks,
   * and a change of scope or release manager could take it out of the
   * caller's reach, e.g. onto entities they do not own.
   */
  async authorizeRelease(
    credentials: BackstageCredentials,
    permission: ResourcePermission,
    release: StoredRelease,
  ): Promise<void> {
    const decision = await this.conditionalDecision(credentials, permission);
    const allowed =
      decision.result === AuthorizeResult.ALLOW ||
      (decision.result === AuthorizeResult.CONDITIONAL &&
        this.options.releaseConditionAuthorizer?.(decision, release) === true);
    if (!allowed) {
      throw new NotAllowedError(
        `You are not allowed to make this change: the release would be outside what permission ${permission.name} lets you change`,
      );
    }
  }

  /**
   * Throws NotAllowedError unless `permission` would let the caller change
   * a release of each entity in the proposed release's scope. Creating a
   * release plans work on those entities and raises conflicts and
   * notifications for their owners, so it takes the right to change their
   * releases. Each entity is judged alone and with no release manager:
   * the manager a proposal names, often the caller, would otherwise let it
   * authorise itself, and one owned entity would carry any other.
   */
  async authorizeScope(
    credentials: BackstageCredentials,
    permission: ResourcePermission,
    release: StoredRelease,
  ): Promise<void> {
    const decision = await this.conditionalDecision(credentials, permission);
    if (decision.result === AuthorizeResult.ALLOW) return;
    const refused =
      decision.result === AuthorizeResult.CONDITIONAL
        ? release.scope
            .filter(
              item =>
                this.options.releaseConditionAuthorizer?.(decision, {
                  ...release,
                  releaseManager: '',
                  scope: [item],
                }) !== true,
            )
            .map(item => item.entityRef)
        : release.scope.map(item => item.entityRef);
    if (refused.length > 0) {
      const named = refused.slice(0, 5).join(', ');
      const more = refused.length > 5 ? ` and ${refused.length - 5} more` : '';
      throw new NotAllowedError(
        `You may plan releases only on entities whose releases you could change (permission ${permission.name}); not on ${named}${more}`,
      );
    }
  }

  /**
   * The filter a conditional decision puts on a release list: undefined
   * when everything is allowed, SQL criteria when some are.
   */
  async releaseFilter(
    credentials: BackstageCredentials,
    permission: ResourcePermission,
  ): Promise<PermissionCriteria<ReleaseRuleFilter> | undefined> {
    const decision = await this.conditionalDecision(credentials, permission);
    if (decision.result === AuthorizeResult.DENY) {
      throw new NotAllowedError(
        `You are not allowed to read releases (permission ${permission.name})`,
      );
    }
    if (decision.result === AuthorizeResult.CONDITIONAL) {
      return this.options.releaseConditionTransformer(decision.conditions);
    }
    return undefined;
  }

  /**
   * What the caller may read of other releases, for redacting what an
   * answer says about them: the read decision's criteria, none when they
   * may read all, and criteria that match nothing when they may read none
   * (everything then comes as a restricted busy block).
   */
  async readCriteria(
    credentials: BackstageCredentials,
  ): Promise<PermissionCriteria<ReleaseRuleFilter> | undefined> {
    const decision = await this.conditionalDecision(
      credentials,
      releaseReadPermission,
    );
    if (decision.result === AuthorizeResult.ALLOW) return undefined;
    if (decision.result === AuthorizeResult.CONDITIONAL) {
      return this.options.releaseConditionTransformer(decision.conditions);
    }
    return { property: 'releaseManager', values: [] };
  }

  /**
   * Records the failure of a request refused before its route ran, such as
   * a body that is not JSON or too large.
   */
  async rejected(req: Request, error: Error): Promise<void> {
    const event = await this.options.auditor.createEvent({
      eventId: 'request-rejected',
      request: req,
      severityLevel: 'low',
      meta: { method: req.method, path: req.path },
    });
    await event.fail({ error });
  }

  /**
   * Records an audit event around a mutation: success with its result's
   * meta, or failure with the error, which is then passed on. Actions
   * called through the actions registry have no HTTP request.
   */
  async audited<T>(
    req: Request | undefined,
    eventId: string,
    meta: JsonObject,
    action: () => Promise<T>,
    resultMeta?: (result: T) => JsonObject,
  ): Promise<T> {
    const event = await this.options.auditor.createEvent({
      eventId,
      request: req,
      severityLevel: 'medium',
      meta,
    });
    try {
      const result = await action();
      await event.success({ meta: resultMeta?.(result) });
      return result;
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  }
}

/**
 * Validates input with a zod schema; a failure is a 400 that names each
 * field and what is wrong with it.
 */
/** Ids in paths: of releases, freeze windows and feeds. */
const pathIdSchema = z.string().min(1).max(64);

/** The `:id` of the request's path, validated; `what` names it in errors. */
export function pathId(req: Request, what: string): string {
  return parse(pathIdSchema, req.params.id, what);
}

export function parse<T extends z.ZodType>(
  schema: T,
  value: unknown,
  what: string,
): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issues = result.error.issues
      .slice(0, 10)
      .map(issue => {
        const path = issue.path.join('.');
        return path ? `${path}: ${issue.message}` : issue.message;
      })
      .join('; ');
    throw new InputError(`Invalid ${what}: ${issues}`);
  }
  // Every request and action input passes here, so this one check keeps
  // every instant the API computes with near the present.
  assertWithinHorizon(result.data, what, Date.now());
  return result.data;
}
