/*
 * The release-cli entry point: `scripts/release-cli gate …` runs this file
 * with the repository's Node. The logic is in releaseCli.ts.
 */
import { runCli } from './releaseCli';

runCli(process.argv.slice(2), {
  env: process.env,
  fetch: globalThis.fetch,
  out: line => process.stdout.write(`${line}\n`),
  err: line => process.stderr.write(`${line}\n`),
}).then(
  code => {
    process.exitCode = code;
  },
  error => {
    process.stderr.write(`release-cli: ${error}\n`);
    process.exitCode = 3;
  },
);
