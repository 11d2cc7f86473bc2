// End-to-end test: starts the whole app (unless one is already running),
// drives Debian's Chromium through playwright-core, signs in as guest and
// checks that the release-management card and page are there.
//
// Usage: node e2e/run.mjs   (E2E_APP_URL to test an app that is already up)
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumPath, launchChromium } from './browser.mjs';
import { checks } from './checks.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const appUrl = process.env.E2E_APP_URL ?? 'http://localhost:3000';
const backendUrl = process.env.E2E_BACKEND_URL ?? 'http://localhost:7007';
const artifacts = join(root, 'e2e-artifacts');

function ensureChromium() {
  if (existsSync(chromiumPath)) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `${chromiumPath} is missing; install Debian's chromium package (apt-get install chromium)`,
    );
  }
  console.log('==> Installing Debian chromium');
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
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

async function waitFor(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await isUp(url)) return;
    await new Promise(r => setTimeout(r, 1000));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`);
}

async function startApp() {
  const health = `${backendUrl}/api/release-management/health`;
  if ((await isUp(appUrl)) && (await isUp(health))) {
    console.log(`==> Using the app already running at ${appUrl}`);
    return undefined;
  }
  console.log('==> Starting the app (yarn start)');
  const yarn = join(root, '.yarn/releases/yarn-4.13.0.cjs');
  const child = spawn(process.execPath, [yarn, 'start'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, BROWSER: 'none' },
  });
  let log = '';
  child.stdout.on('data', d => (log = (log + d).slice(-20000)));
  child.stderr.on('data', d => (log = (log + d).slice(-20000)));
  try {
    await waitFor(health, 300_000);
    await waitFor(appUrl, 300_000);
  } catch (error) {
    console.error(log);
    process.kill(-child.pid, 'SIGTERM');
    throw error;
  }
  return child;
}

async function main() {
  ensureChromium();
  mkdirSync(artifacts, { recursive: true });
  const app = await startApp();
  const browser = await launchChromium();
  let passed = 0;
  let failed = 0;
  try {
    // A context, not browser.newPage(): the accessibility scan needs one.
    const context = await browser.newContext({
      baseURL: appUrl,
      viewport: { width: 1280, height: 800 },
      timezoneId: 'Europe/Oslo',
    });
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    // E2E_ONLY=wizard runs sign-in plus the checks whose name has "wizard".
    const only = process.env.E2E_ONLY;
    const selected = only
      ? checks.filter((c, i) => i === 0 || c.name.includes(only))
      : checks;
    // What one check leaves for the next (the release the wizard created).
    const state = {};
    for (const check of selected) {
      try {
        await check.run(page, state);
        passed += 1;
        console.log(`  ✓ ${check.name}`);
      } catch (error) {
        failed += 1;
        console.log(
          `  ✗ ${check.name}\n    ${error.message
            .split('\n')
            .slice(0, 12)
            .join('\n    ')}`,
        );
      }
      const file = `${check.name
        .replace(/[^a-z0-9]+/gi, '-')
        .toLowerCase()}.png`;
      await page.screenshot({ path: join(artifacts, file), fullPage: true });
    }
  } finally {
    await browser.close();
    if (app) {
      try {
        process.kill(-app.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  }
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

main().catch(error => {
  console.error(error);
  console.log('e2e: 0 passed, 1 failed');
  process.exit(1);
});
