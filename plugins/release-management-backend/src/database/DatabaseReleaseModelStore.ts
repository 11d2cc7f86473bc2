import { DatabaseService } from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  releaseModelDefinitionSchema,
  type ReleaseModelDefinition,
  type ReleaseModelRevision,
} from '@release-management/plugin-release-management-common';
import { Knex } from 'knex';
import { getMigratedClient } from './migrations';
import type {
  ReleaseModelSource,
  ReleaseModelStore,
  StoredReleaseModel,
} from './ReleaseModelStore';

type ModelRow = {
  name: string;
  source: ReleaseModelSource;
  current_revision: number;
  created_at: string;
  updated_at: string;
};

type RevisionRow = {
  model_name: string;
  revision: number;
  definition: string;
  created_by: string;
  created_at: string;
};

type JoinedRow = ModelRow & Pick<RevisionRow, 'definition' | 'created_by'>;

/** Release models in the plugin's database. */
export class DatabaseReleaseModelStore implements ReleaseModelStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseReleaseModelStore> {
    return new DatabaseReleaseModelStore(
      await getMigratedClient(options.database),
    );
  }

  private constructor(private readonly db: Knex) {}

  async list(): Promise<StoredReleaseModel[]> {
    const rows = await this.joined(this.db).orderBy('m.name');
    return rows.map(toModel);
  }

  async get(name: string): Promise<StoredReleaseModel | undefined> {
    const row = await this.joined(this.db).where('m.name', name).first();
    return row ? toModel(row) : undefined;
  }

  async getRevision(
    name: string,
    revision: number,
  ): Promise<ReleaseModelRevision | undefined> {
    const row = await this.db<RevisionRow>('release_model_revisions')
      .where({ model_name: name, revision })
      .first();
    return row ? toRevision(row) : undefined;
  }

  async listRevisions(name: string): Promise<ReleaseModelRevision[]> {
    const rows = await this.db<RevisionRow>('release_model_revisions')
      .where({ model_name: name })
      .orderBy('revision', 'desc');
    return rows.map(toRevision);
  }

  async create(options: {
    name: string;
    source: ReleaseModelSource;
    definition: StoredReleaseModel['definition'];
    actor: string;
    now: string;
  }): Promise<StoredReleaseModel> {
    const { name, source, definition, actor, now } = options;
    await this.db.transaction(async tx => {
      const existing = await tx<ModelRow>('release_models')
        .where({ name })
        .first();
      if (existing) {
        throw new ConflictError(`A release model named "${name}" exists`);
      }
      // The unique primary key turns a racing second create into an error,
      // reported as the same conflict.
      try {
        await tx<ModelRow>('release_models').insert({
          name,
          source,
          current_revision: 1,
          created_at: now,
          updated_at: now,
        });
      } catch (error) {
        throw new ConflictError(
          `A release model named "${name}" exists`,
          error,
        );
      }
      await tx<RevisionRow>('release_model_revisions').insert({
        model_name: name,
        revision: 1,
        definition: JSON.stringify(definition),
        created_by: actor,
        created_at: now,
      });
    });
    return (await this.get(name))!;
  }

  async update(options: {
    name: string;
    expectedRevision: number;
    definition: StoredReleaseModel['definition'];
    actor: string;
    now: string;
  }): Promise<StoredReleaseModel> {
    const { name, expectedRevision, definition, actor, now } = options;
    await this.db.transaction(async tx => {
      const next = expectedRevision + 1;
      const updated = await tx<ModelRow>('release_models')
        .where({ name, current_revision: expectedRevision })
        .update({ current_revision: next, updated_at: now });
      if (updated === 0) {
        const current = await tx<ModelRow>('release_models')
          .where({ name })
          .first();
        if (!current) {
          throw new NotFoundError(`No release model named "${name}"`);
        }
        throw new ConflictError(
          `Release model "${name}" is at revision ${current.current_revision}, not ${expectedRevision}; reload it and apply your change again`,
        );
      }
      await tx<RevisionRow>('release_model_revisions').insert({
        model_name: name,
        revision: next,
        definition: JSON.stringify(definition),
        created_by: actor,
        created_at: now,
      });
    });
    return (await this.get(name))!;
  }

  private joined(db: Knex) {
    return db<ModelRow>('release_models as m')
      .join('release_model_revisions as r', join =>
        join
          .on('r.model_name', '=', 'm.name')
          .andOn('r.revision', '=', 'm.current_revision'),
      )
      .select<JoinedRow[]>(
        'm.name',
        'm.source',
        'm.current_revision',
        'm.created_at',
        'm.updated_at',
        'r.definition',
        'r.created_by',
      );
  }
}

// Calendars and checks read models on every request; a stored definition
// is parsed and validated once per distinct text. Keyed by the text, not
// by name and revision, so two databases can never mix up definitions.
const parsedDefinitions = new Map<string, ReleaseModelDefinition>();
const PARSED_LIMIT = 1000;

function parseDefinition(json: string): ReleaseModelDefinition {
  let definition = parsedDefinitions.get(json);
  if (!definition) {
    definition = releaseModelDefinitionSchema.parse(JSON.parse(json));
    if (parsedDefinitions.size >= PARSED_LIMIT) parsedDefinitions.clear();
    parsedDefinitions.set(json, definition);
  }
  return definition;
}

function toModel(row: JoinedRow): StoredReleaseModel {
  return {
    name: row.name,
    source: row.source,
    revision: Number(row.current_revision),
    definition: parseDefinition(row.definition),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    updatedBy: row.created_by,
  };
}

function toRevision(row: RevisionRow): ReleaseModelRevision {
  return {
    name: row.model_name,
    revision: Number(row.revision),
    definition: parseDefinition(row.definition),
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}
