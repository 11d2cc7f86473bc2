import type { Config } from '@backstage/config';
import { releaseModelDefinitionSchema } from '@release-management/plugin-release-management-common';
import type { ReleaseModelDefinition } from '@release-management/plugin-release-management-common';
import { z } from 'zod';

/** A model declared in `releaseManagement.models`. */
export type ConfigReleaseModel = {
  name: string;
  definition: ReleaseModelDefinition;
};

const nameSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(63);

/**
 * Reads and validates `releaseManagement.models`. A broken model stops the
 * backend at start-up with the path of the offending key, rather than
 * surfacing later as a release that cannot move.
 */
export function readConfigModels(config: Config): ConfigReleaseModel[] {
  const entries =
    config.getOptionalConfigArray('releaseManagement.models') ?? [];
  const names = new Set<string>();
  return entries.map((entry, index) => {
    const { name, ...rest } = entry.get<Record<string, unknown>>();
    const parsedName = nameSchema.safeParse(name);
    if (!parsedName.success) {
      throw new Error(
        `releaseManagement.models[${index}].name must be lower-case letters, digits and dashes, got ${JSON.stringify(
          name,
        )}`,
      );
    }
    if (names.has(parsedName.data)) {
      throw new Error(
        `releaseManagement.models[${index}]: the model name "${parsedName.data}" is used twice`,
      );
    }
    names.add(parsedName.data);
    const parsed = releaseModelDefinitionSchema.safeParse(rest);
    if (!parsed.success) {
      const issues = parsed.error.issues
        .map(i => `${i.path.join('.') || '(root)'}: ${i.message}`)
        .join('; ');
      throw new Error(
        `releaseManagement.models[${index}] ("${parsedName.data}") is invalid: ${issues}`,
      );
    }
    return { name: parsedName.data, definition: parsed.data };
  });
}
