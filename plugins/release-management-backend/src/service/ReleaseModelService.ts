import { DateTime } from 'luxon';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  type ReleaseModel,
  type ReleaseModelDefinition,
  type ReleaseModelRevision,
  recurrenceProblem,
  type RecurrencePolicy,
} from '@release-management/plugin-release-management-common';
import type {
  ReleaseModelStore,
  StoredReleaseModel,
} from '../database/ReleaseModelStore';
import type { Clock } from './Clock';
import type { ConfigReleaseModel } from './readConfigModels';

/** The actor recorded for models that come from app-config. */
export const CONFIG_ACTOR = 'app-config';

/** Release models: listing, revisions, and changes to API-managed ones. */
export class ReleaseModelService {
  constructor(
    private readonly store: ReleaseModelStore,
    private readonly clock: Clock,
    private readonly recurrence: RecurrencePolicy = { allowHourly: false },
  ) {}

  /**
   * Brings the models declared in app-config into the store: new ones are
   * created, changed ones get a new revision, so releases keep the revision
   * they started with even when the config changes.
   */
  async syncConfigModels(
    models: ConfigReleaseModel[],
    logger: LoggerService,
  ): Promise<void> {
    for (const { name, definition } of models) {
      checkMaintenanceWindows(definition, this.recurrence);
      const now = this.clock.now().toISOString();
      const existing = await this.store.get(name);
      if (!existing) {
        await this.store.create({
          name,
          source: 'config',
          definition,
          actor: CONFIG_ACTOR,
          now,
        });
        logger.info(`Release model "${name}" created from app-config`);
      } else if (existing.source === 'api') {
        logger.warn(
          `Release model "${name}" in app-config is ignored: a model of that name is managed through the API`,
        );
      } else if (!sameDefinition(existing.definition, definition)) {
        await this.store.update({
          name,
          expectedRevision: existing.revision,
          definition,
          actor: CONFIG_ACTOR,
          now,
        });
        logger.info(
          `Release model "${name}" updated from app-config to revision ${
            existing.revision + 1
          }`,
        );
      }
    }
  }

  async list(): Promise<ReleaseModel[]> {
    return (await this.store.list()).map(toApiModel);
  }

  /** Annotation keys that model selectors look at. */
  async selectorAnnotationKeys(): Promise<string[]> {
    const keys = new Set<string>();
    for (const model of await this.store.list()) {
      Object.keys(model.definition.applicability.annotations ?? {}).forEach(
        key => keys.add(key),
      );
    }
    return [...keys];
  }

  async get(name: string): Promise<ReleaseModel> {
    return toApiModel(await this.getStored(name));
  }

  async getStored(name: string): Promise<StoredReleaseModel> {
    const model = await this.store.get(name);
    if (!model) {
      throw new NotFoundError(`No release model named "${name}"`);
    }
    return model;
  }

  async getRevision(
    name: string,
    revision: number,
  ): Promise<ReleaseModelRevision> {
    const found = await this.store.getRevision(name, revision);
    if (!found) {
      throw new NotFoundError(
        `Release model "${name}" has no revision ${revision}`,
      );
    }
    return found;
  }

  async listRevisions(name: string): Promise<ReleaseModelRevision[]> {
    await this.getStored(name);
    return this.store.listRevisions(name);
  }

  async create(
    name: string,
    definition: ReleaseModelDefinition,
    actor: string,
  ): Promise<ReleaseModel> {
    checkMaintenanceWindows(definition, this.recurrence);
    const model = await this.store.create({
      name,
      source: 'api',
      definition,
      actor,
      now: this.clock.now().toISOString(),
    });
    return toApiModel(model);
  }

  async update(
    name: string,
    expectedRevision: number,
    definition: ReleaseModelDefinition,
    actor: string,
  ): Promise<ReleaseModel> {
    checkMaintenanceWindows(definition, this.recurrence);
    const existing = await this.getStored(name);
    if (existing.source === 'config') {
      throw new ConflictError(
        `Release model "${name}" is declared in app-config and is read-only; change it in the configuration`,
      );
    }
    const model = await this.store.update({
      name,
      expectedRevision,
      definition,
      actor,
      now: this.clock.now().toISOString(),
    });
    return toApiModel(model);
  }
}

/**
 * Throws InputError naming the first maintenance window whose RRULE is
 * invalid, finer than the installation allows, or never occurs. A window
 * recurs from its start time on any day; a fixed day stands for it.
 */
function checkMaintenanceWindows(
  definition: ReleaseModelDefinition,
  policy: RecurrencePolicy,
) {
  definition.schedulingPolicy.maintenanceWindows.forEach((window, i) => {
    const start = DateTime.fromISO(`2026-01-01T${window.startTime}`, {
      zone: window.timeZone,
    });
    const problem = recurrenceProblem(
      {
        start: start.toISO() ?? '',
        end: start.plus({ minutes: window.durationMinutes }).toISO() ?? '',
        timeZone: window.timeZone,
        rrule: window.rrule,
      },
      policy,
    );
    if (problem) {
      throw new InputError(
        `schedulingPolicy.maintenanceWindows.${i}.rrule: ${problem}`,
      );
    }
  });
}

function toApiModel(model: StoredReleaseModel): ReleaseModel {
  return {
    ...model.definition,
    name: model.name,
    revision: model.revision,
    source: model.source,
    readOnly: model.source === 'config',
    createdAt: model.createdAt,
    updatedAt: model.updatedAt,
    updatedBy: model.updatedBy,
  };
}

function sameDefinition(
  a: ReleaseModelDefinition,
  b: ReleaseModelDefinition,
): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
