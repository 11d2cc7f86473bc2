import type {
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';

// The token the project's development config once fell back to. It is
// public, so a backend that still accepts it accepts anyone.
const PUBLISHED_TOKENS = new Set(['dev-pipeline-token-change-me']);

const PIPELINE_PERMISSIONS = [
  'release-management.deployment.gate',
  'release-management.deployment.create',
];

/**
 * What the backend's external-access config means for CI/CD pipelines:
 * whether any entry lets a pipeline ask the gate or record deployments,
 * and which entries are unsafe. Pipelines authenticate with Backstage's
 * own external access (`backend.auth.externalAccess`); this only reads it
 * so that an adopter learns at startup, not from a failing pipeline, that
 * none is configured.
 */
export function describePipelineAccess(config: Config): {
  configured: boolean;
  problems: string[];
} {
  const entries = config.getOptionalConfigArray('backend.auth.externalAccess');
  let configured = false;
  const problems: string[] = [];
  (entries ?? []).forEach((entry, index) => {
    const restrictions = entry.getOptionalConfigArray('accessRestrictions');
    const reachesPlugin =
      !restrictions ||
      restrictions.some(restriction => {
        if (restriction.getString('plugin') !== 'release-management') {
          return false;
        }
        const permissions = readList(restriction, 'permission');
        return (
          !permissions ||
          permissions.some(name => PIPELINE_PERMISSIONS.includes(name))
        );
      });
    if (!reachesPlugin) return;
    configured = true;
    const token = entry.getOptionalString('options.token');
    if (entry.getString('type') === 'static' && token) {
      if (PUBLISHED_TOKENS.has(token)) {
        problems.push(
          `backend.auth.externalAccess[${index}] uses the published example token; anyone can call the deployment gate with it. Set a secret token (see docs/pipelines.md).`,
        );
      }
      if (!restrictions) {
        problems.push(
          `backend.auth.externalAccess[${index}] has no accessRestrictions: its token may call every plugin, not only the deployment gate.`,
        );
      }
    }
  });
  return { configured, problems };
}

function readList(config: Config, key: string): string[] | undefined {
  const value = config.getOptional(key);
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.map(String) : [String(value)];
}

/** Tells at startup whether pipelines can reach the gate, and what is unsafe. */
export function logPipelineAccess(
  config: RootConfigService,
  logger: LoggerService,
): void {
  const { configured, problems } = describePipelineAccess(config);
  if (!configured) {
    logger.info(
      'No pipeline access is configured: no entry of backend.auth.externalAccess reaches release-management, so CI/CD pipelines calling POST /gate or /deployments get 401. Add a static token restricted to release-management to let them in.',
    );
  }
  for (const problem of problems) logger.warn(problem);
}
