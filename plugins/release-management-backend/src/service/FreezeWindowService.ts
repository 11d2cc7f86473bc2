import { InputError, NotFoundError } from '@backstage/errors';
import type {
  FreezeOccurrence,
  FreezeWindow,
  FreezeWindowDefinition,
} from '@release-management/plugin-release-management-common';
import { randomUUID } from 'node:crypto';
import type { FreezeWindowStore } from '../database/FreezeWindowStore';
import {
  expandFreezeWindows,
  parseRecurrenceRule,
} from '../domain/freezeOccurrences';
import type { Clock } from './Clock';

/** Freeze windows and their occurrences in a range. */
export class FreezeWindowService {
  constructor(
    private readonly store: FreezeWindowStore,
    private readonly clock: Clock,
  ) {}

  list(): Promise<FreezeWindow[]> {
    return this.store.list();
  }

  async get(id: string): Promise<FreezeWindow> {
    const window = await this.store.get(id);
    if (!window) {
      throw new NotFoundError(`No freeze window with id "${id}"`);
    }
    return window;
  }

  async create(
    definition: FreezeWindowDefinition,
    actor: string,
  ): Promise<FreezeWindow> {
    validateRecurrence(definition);
    return this.store.create({
      id: randomUUID(),
      definition,
      actor,
      now: this.clock.now().toISOString(),
    });
  }

  async update(
    id: string,
    expectedRevision: number,
    definition: FreezeWindowDefinition,
  ): Promise<FreezeWindow> {
    validateRecurrence(definition);
    return this.store.update({
      id,
      expectedRevision,
      definition,
      now: this.clock.now().toISOString(),
    });
  }

  async delete(id: string): Promise<FreezeWindow> {
    const window = await this.get(id);
    await this.store.delete(id);
    return window;
  }

  async occurrences(from: string, to: string): Promise<FreezeOccurrence[]> {
    const candidates = await this.store.listStartingBefore(to);
    return expandFreezeWindows(candidates, from, to);
  }
}

function validateRecurrence(definition: FreezeWindowDefinition) {
  if (!definition.rrule) return;
  try {
    parseRecurrenceRule(definition.rrule);
  } catch (error) {
    throw new InputError(`rrule: ${(error as Error).message}`);
  }
}
