// End-to-end test: starts the whole app (unless one is already running),
// drives Debian's Chromium through playwright-core, signs in as guest and
// checks that the release-management card and page are there — once for
// each clock of clocks.mjs, with the backend's clock (faketime) and the
// browser's (Playwright's clock) set to that instant.
//
// Usage: node e2e/run.mjs
//   E2E_CLOCKS=now,leap-day   only these clocks (ids or ISO instants)
//   E2E_APP_URL=...           test an app that is already up (now only)
//   E2E_ONLY=wizard           sign-in plus the checks whose name has "wizard"
import { spawn, execFileSync } from 'node:child_process';
import { connect } from 'node:net';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumPath, launchChromium } from './browser.mjs';
import { checks } from './checks.mjs';
import { selectedClocks } from './clocks.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const appUrl = process.env.E2E_APP_URL ?? 'http://localhost:3000';
const backendUrl = process.env.E2E_BACKEND_URL ?? 'http://localhost:7007';
const health = `${backendUrl}/api/release-management/health`;
const artifacts = join(root, 'e2e-artifacts');
const yarn = join(root, '.yarn/releases/yarn-4.13.0.cjs');
const faketimePath = '/usr/bin/faketime';

function aptInstall(path, pkg) {
  if (existsSync(path)) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `${path} is missing; install Debian's ${pkg} package (apt-get install ${pkg})`,
    );
  }
  console.log(`==> Installing Debian ${pkg}`);
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', pkg], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

async function isUp(url) {
  try {
    const res = await fetch(url);
    return res.ok;
  } catch {
    return false;
  }
}

async function waitFor(url, timeoutMs, up = true) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await isUp(url)) === up) return;
    await new Promise(r => setTimeout(r, 1000));
  }
  throw new Error(
    `${url} did not ${up ? 'answer' : 'stop'} within ${timeoutMs / 1000}s`,
  );
}

/** Whether something still listens on the port of `url`. */
function listening(url) {
  const { hostname, port } = new URL(url);
  return new Promise(resolve => {
    const socket = connect({ host: hostname, port: Number(port) });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Waits until nothing listens on the port of `url`. A backend that shuts
 * down stops answering its health check before it lets go of its port;
 * the next one, started meanwhile, would fail with EADDRINUSE.
 */
async function portFreed(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!(await listening(url))) return;
    await new Promise(r => setTimeout(r, 500));
  }
  throw new Error(`${url} was still taken after ${timeoutMs / 1000}s`);
}

/** Starts `yarn <args>` in its own process group, keeping its last output. */
function startYarn(args, { fakeAt } = {}) {
  const env = { ...process.env, BROWSER: 'none' };
  let command = process.execPath;
  let commandArgs = [yarn, ...args];
  if (fakeAt) {
    // The whole backend lives at `fakeAt`, its clock running from there:
    // the demo data, the scheduler, tokens and gates all see that day.
    // Monotonic clocks and file times stay real, so timers and the
    // transpiler's caches behave.
    const at = fakeAt.replace('T', ' ').replace(/(\.\d+)?Z$/, '');
    command = faketimePath;
    commandArgs = ['-f', `@${at}`, process.execPath, ...commandArgs];
    Object.assign(env, {
      TZ: 'UTC',
      FAKETIME_DONT_FAKE_MONOTONIC: '1',
      NO_FAKE_STAT: '1',
    });
  }
  const child = spawn(command, commandArgs, {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  });
  child.log = '';
  const keep = d => (child.log = (child.log + d).slice(-20000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  child.exited = new Promise(resolve => child.on('exit', resolve));
  return child;
}

async function stop(child) {
  if (!child || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return; // already gone
  }
  const killed = setTimeout(() => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }, 15_000);
  await child.exited;
  clearTimeout(killed);
}

async function started(child, url, what) {
  try {
    await Promise.race([
      waitFor(url, 300_000),
      child.exited.then(code => {
        throw new Error(`${what} exited with ${code}`);
      }),
    ]);
  } catch (error) {
    console.error(child.log);
    await stop(child);
    throw error;
  }
}

/** The backend's own "now", from the Date header of its answer. */
async function backendNow() {
  const res = await fetch(health);
  return Date.parse(res.headers.get('date')) + 500;
}

async function runChecks(browser, clock, now) {
  // A context, not browser.newPage(): the accessibility scan needs one.
  const context = await browser.newContext({
    baseURL: appUrl,
    viewport: { width: 1280, height: 800 },
    timezoneId: 'Europe/Oslo',
  });
  if (clock.at) {
    // The page's clock starts where the backend's is and runs on.
    await context.clock.install({ time: now });
  }
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  const only = process.env.E2E_ONLY;
  const selected = only
    ? checks.filter((c, i) => i === 0 || c.name.includes(only))
    : checks;
  // What one check leaves for the next (the release the wizard created).
  const state = { now };
  let passed = 0;
  let failed = 0;
  for (const check of selected) {
    const label = `[${clock.name}] ${check.name}`;
    try {
      await check.run(page, state);
      passed += 1;
      console.log(`  ✓ ${label}`);
    } catch (error) {
      failed += 1;
      console.log(
        `  ✗ ${label}\n    ${error.message
          .split('\n')
          .slice(0, 12)
          .join('\n    ')}`,
      );
    }
    const file = `${label.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`;
    await page.screenshot({ path: join(artifacts, file), fullPage: true });
  }
  await context.close();
  return { passed, failed };
}

async function main() {
  aptInstall(chromiumPath, 'chromium');
  mkdirSync(artifacts, { recursive: true });
  let clocks = selectedClocks();
  const running =
    process.env.E2E_APP_URL || ((await isUp(appUrl)) && (await isUp(health)));
  if (running && clocks.some(c => c.at)) {
    console.log(
      `==> Using the app already running at ${appUrl}: its backend's clock cannot be set, so only "now" runs`,
    );
    clocks = [{ id: 'now', name: 'now' }];
  }
  if (clocks.some(c => c.at)) aptInstall(faketimePath, 'faketime');

  let frontend;
  let backend;
  const browser = await launchChromium();
  let passed = 0;
  let failed = 0;
  try {
    if (!running) {
      console.log('==> Starting the frontend (yarn workspace app start)');
      frontend = startYarn(['workspace', 'app', 'start']);
      await started(frontend, appUrl, 'the frontend');
    }
    for (const clock of clocks) {
      if (!running) {
        console.log(
          `==> Starting the backend at ${clock.at ?? 'the real time'} (${
            clock.name
          })`,
        );
        backend = startYarn(['workspace', 'backend', 'start'], {
          fakeAt: clock.at,
        });
        await started(backend, health, 'the backend');
      }
      const now = clock.at ? await backendNow() : Date.now();
      console.log(
        `==> Checks at ${new Date(now).toISOString()} (${clock.name})`,
      );
      const counts = await runChecks(browser, clock, now);
      passed += counts.passed;
      failed += counts.failed;
      if (!running) {
        await stop(backend);
        // The next backend starts on an empty in-memory database, on the
        // same port.
        await waitFor(health, 60_000, false);
        await portFreed(backendUrl, 60_000);
      }
    }
  } finally {
    await browser.close();
    await stop(backend);
    await stop(frontend);
  }
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

main().catch(error => {
  console.error(error);
  console.log('e2e: 0 passed, 1 failed');
  process.exit(1);
});
