// Takes the small screenshots the README shows, from a running app with the
// demo data (scripts/start). Usage: node e2e/screenshots.mjs
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './browser.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'docs', 'screenshots');
const appUrl = process.env.E2E_APP_URL ?? 'http://localhost:3000';

const views = [
  ['calendar', '/release-management', 'button:Month'],
  [
    'entity-releases-tab',
    '/catalog/default/component/cart-service/releases',
    'heading:Release history',
  ],
  [
    'entity-card',
    '/catalog/default/component/cart-service',
    'text:Release calendar',
  ],
  [
    'releases',
    '/release-management/releases',
    'text:Basket sharing (cart 4.2)',
  ],
  [
    'wizard',
    '/release-management/releases/new?entityRef=component:default/cart-service',
    'text:Entities',
  ],
  [
    'freeze-windows',
    '/release-management/freeze-windows',
    'text:Friday afternoon',
  ],
  [
    'architecture',
    '/release-management/architecture?root=system:default/checkout',
    'text:Relations in system:default/checkout',
  ],
  ['metrics', '/release-management/metrics', 'text:Deployment frequency'],
];

const browser = await launchChromium();
try {
  // Three quarters of 1280×800: legible, and small enough to commit.
  const context = await browser.newContext({
    baseURL: appUrl,
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: 0.75,
    timezoneId: 'Europe/Oslo',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await page.getByRole('link', { name: 'Catalog', exact: true }).waitFor();
  mkdirSync(out, { recursive: true });
  for (const [name, path, ready] of views) {
    await page.goto(path);
    const [how, what] = ready.split(/:(.*)/);
    const locator =
      how === 'button'
        ? page.getByRole('button', { name: what })
        : how === 'heading'
        ? page.getByRole('heading', { name: what })
        : page.getByText(what, { exact: true });
    await locator.first().waitFor();
    await locator.first().scrollIntoViewIfNeeded();
    await page.waitForTimeout(1500);
    await page.screenshot({ path: join(out, `${name}.png`) });
    console.log(`docs/screenshots/${name}.png`);
  }
  // A release of the demo, with its stages, gates and impact.
  await page.goto('/release-management/releases');
  await page.getByRole('link', { name: 'Basket sharing (cart 4.2)' }).click();
  await page.getByRole('heading', { name: 'Impact', exact: true }).waitFor();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: join(out, 'release-detail.png') });
  console.log('docs/screenshots/release-detail.png');
} finally {
  await browser.close();
}
