import type {
  GateResponse,
  RecordDeploymentResponse,
} from '@release-management/plugin-release-management-common';
import { parseArgs } from 'node:util';

/** Exit codes pipelines branch on. */
export const EXIT = {
  allowed: 0,
  prevented: 1,
  awaiting: 2,
  error: 3,
} as const;

export type CliIo = {
  env: Record<string, string | undefined>;
  fetch: typeof fetch;
  out: (line: string) => void;
  err: (line: string) => void;
};

export const USAGE = `Usage: release-cli <command> [options]

Commands:
  gate     May this version go to this environment now?
           exit 0 allowed, 1 prevented, 2 awaiting approval, 3 error
  deploy   Record a deployment (again with the same --external-id to update it)
           exit 0 recorded, 3 error

Options:
  --entity <ref>          entity ref, e.g. component:default/cart-service
  --env <name>            environment, e.g. production
  --version <version>     the version being deployed
  --at <instant>          gate: the time asked about (default now)
  --justification <text>  gate: deploy through a hard freeze under an emergency
                          release (needs the override permission)
  --status <status>       deploy: started, succeeded, failed or rolled-back
  --external-id <id>      deploy: the pipeline's id of this run
  --pipeline-url <url>    deploy: link to the run
  --started-at <instant>  deploy: default the time of the first record
  --finished-at <instant> deploy: default the time of the final status
  --url <url>             Backstage backend (env RELEASE_MANAGEMENT_URL,
                          default http://localhost:7007)
  --token <token>         static token (env RELEASE_MANAGEMENT_TOKEN)
`;

const options = {
  entity: { type: 'string' },
  env: { type: 'string' },
  version: { type: 'string' },
  at: { type: 'string' },
  justification: { type: 'string' },
  status: { type: 'string' },
  'external-id': { type: 'string' },
  'pipeline-url': { type: 'string' },
  'started-at': { type: 'string' },
  'finished-at': { type: 'string' },
  url: { type: 'string' },
  token: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** A failure the CLI reports in one line and exits 3 for. */
class CliError extends Error {}

/**
 * Runs one command and returns its exit code; everything it prints goes
 * through `io`, so that tests and other tools can drive it.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const { positionals, values } = parseArgs({
      args: argv,
      options,
      allowPositionals: true,
      strict: true,
    });
    const [command] = positionals;
    if (values.help || !command) {
      io.out(USAGE);
      return values.help ? 0 : EXIT.error;
    }
    const api = apiOf(values, io);
    if (command === 'gate') return await gate(values, api, io);
    if (command === 'deploy') return await deploy(values, api, io);
    throw new CliError(`unknown command "${command}"; try --help`);
  } catch (error) {
    io.err(`release-cli: ${(error as Error).message}`);
    return EXIT.error;
  }
}

type Values = ReturnType<
  typeof parseArgs<{ options: typeof options }>
>['values'];
type Api = (
  path: string,
  body: object,
) => Promise<{ status: number; body: any }>;

function apiOf(values: Values, io: CliIo): Api {
  const base = (
    values.url ??
    io.env.RELEASE_MANAGEMENT_URL ??
    'http://localhost:7007'
  ).replace(/\/+$/, '');
  const token = values.token ?? io.env.RELEASE_MANAGEMENT_TOKEN;
  if (!token) {
    throw new CliError(
      'no token: pass --token or set RELEASE_MANAGEMENT_TOKEN',
    );
  }
  return async (path, body) => {
    let res: Response;
    try {
      res = await io.fetch(`${base}/api/release-management${path}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify(body),
      });
    } catch (error) {
      throw new CliError(`cannot reach ${base}: ${(error as Error).message}`);
    }
    const text = await res.text();
    let parsed: any;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    if (!res.ok) {
      const message = parsed?.error?.message ?? text.slice(0, 500);
      throw new CliError(`${res.status} ${res.statusText}: ${message}`);
    }
    return { status: res.status, body: parsed };
  };
}

function required(values: Values, ...names: Array<keyof Values>) {
  const missing = names.filter(n => !values[n]);
  if (missing.length) {
    throw new CliError(
      `missing ${missing.map(n => `--${String(n)}`).join(', ')}; try --help`,
    );
  }
}

async function gate(values: Values, api: Api, io: CliIo): Promise<number> {
  required(values, 'entity', 'env', 'version');
  const { body } = await api('/gate', {
    entityRef: values.entity,
    environment: values.env,
    version: values.version,
    ...(values.at ? { at: values.at } : {}),
    ...(values.justification
      ? { override: { justification: values.justification } }
      : {}),
  });
  const answer = body as GateResponse;
  io.out(
    `${answer.decision.toUpperCase()}: ${answer.entityRef} ${
      answer.version
    } to ${answer.environment} at ${answer.at}${
      answer.release ? ` (release ${answer.release})` : ''
    }${answer.overridden ? ' — freeze overridden' : ''}`,
  );
  for (const reason of answer.reasons) {
    io.out(`  - ${reason.message}`);
  }
  return EXIT[answer.decision];
}

async function deploy(values: Values, api: Api, io: CliIo): Promise<number> {
  required(values, 'entity', 'env', 'version', 'status', 'external-id');
  const { status, body } = await api('/deployments', {
    externalId: values['external-id'],
    entityRef: values.entity,
    environment: values.env,
    version: values.version,
    status: values.status,
    ...(values['pipeline-url'] ? { pipelineUrl: values['pipeline-url'] } : {}),
    ...(values['started-at'] ? { startedAt: values['started-at'] } : {}),
    ...(values['finished-at'] ? { finishedAt: values['finished-at'] } : {}),
  });
  const { deployment, finding } = body as RecordDeploymentResponse;
  io.out(
    `${status === 201 ? 'RECORDED' : 'UPDATED'}: ${deployment.entityRef} ${
      deployment.version
    } to ${deployment.environment} is ${deployment.status} (deployment ${
      deployment.id
    }, revision ${deployment.revision})`,
  );
  io.out(
    deployment.releaseId
      ? `  - part of release ${deployment.releaseId}`
      : '  - no release covers it',
  );
  if (finding) io.out(`  - audit finding: ${finding.message}`);
  return 0;
}
