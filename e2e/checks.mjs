// The end-to-end checks, in order: each gets the same signed-in page.
import assert from 'node:assert/strict';
import { assertAccessible } from './a11y.mjs';

// Every status of a release (RELEASE_STATUSES in the common package).
const RELEASE_STATUSES = [
  'draft',
  'planned',
  'scheduled',
  'in-progress',
  'deployed',
  'verified',
  'closed',
  'cancelled',
  'failed',
  'rolled-back',
];

async function visible(page, locator, what) {
  await locator.first().waitFor({ state: 'visible' });
  assert.ok(await locator.first().isVisible(), `${what} is not visible`);
}

/** Reloads until `locator` shows: demo data is created once the catalog is in. */
async function eventually(page, locator, what, attempts = 15) {
  for (let i = 1; i <= attempts; i++) {
    try {
      await locator.first().waitFor({ state: 'visible', timeout: 8_000 });
      return;
    } catch (error) {
      if (i === attempts)
        throw new Error(`${what} did not show: ${error.message}`);
      await page.reload();
    }
  }
}

/**
 * The date of the next Friday at least three days after `now` (the clock
 * the suite runs at), as yyyy-mm-dd.
 */
function nextFriday(now) {
  const day = new Date(now + 3 * 86_400_000);
  day.setUTCDate(day.getUTCDate() + ((5 - day.getUTCDay() + 7) % 7));
  return day.toISOString().slice(0, 10);
}

export const checks = [
  {
    name: 'signs in as guest',
    async run(page) {
      await page.goto('/');
      await page.getByRole('button', { name: 'Enter' }).click();
      await visible(
        page,
        page.getByRole('link', { name: 'Catalog', exact: true }),
        'the catalog link in the sidebar',
      );
    },
  },
  {
    name: 'shows the demo releases on the calendar and in the releases list',
    async run(page) {
      await page.goto('/release-management');
      await eventually(
        page,
        page.getByRole('button', { name: 'Month' }),
        'the calendar',
      );
      await page.goto('/release-management/releases');
      await eventually(
        page,
        page.getByRole('link', { name: 'Basket sharing (cart 4.2)' }),
        'the demo release "Basket sharing" in the list',
      );
      await visible(
        page,
        page.getByRole('link', { name: 'New card acquirer (payments 7.0)' }),
        'the demo release "New card acquirer"',
      );
    },
  },
  {
    name: 'opens the Releases tab of an entity, accessibly',
    async run(page) {
      await page.goto('/catalog/default/component/cart-service/releases');
      for (const heading of ['Release history', 'Applicable model']) {
        await visible(
          page,
          page.getByRole('heading', { name: heading }),
          `the "${heading}" card`,
        );
      }
      await visible(
        page,
        page.getByRole('heading', {
          name: /Impact of the (next|last) release/,
        }),
        'the impact card',
      );
      // The demo places a release of every status in cart-service's month,
      // whatever the date, so the scan below sees every status colour.
      const statusesShown = async () => {
        const month = page.locator('main .rbc-month-view');
        await month.waitFor();
        await page.waitForLoadState('networkidle');
        return month
          .locator('.rbc-event [title], .rbc-event[title]')
          .evaluateAll(events =>
            events.map(e => / — ([a-z-]+), model /.exec(e.title)?.[1]),
          );
      };
      let missing = [];
      // The demo data is created once the catalog is in: reload until it is.
      for (let attempt = 1; attempt <= 15; attempt++) {
        const shown = await statusesShown();
        missing = RELEASE_STATUSES.filter(s => !shown.includes(s));
        if (missing.length === 0) break;
        await page.waitForTimeout(4_000);
        await page.reload();
      }
      assert.deepEqual(missing, [], 'statuses missing from the month view');
      await assertAccessible(page, 'the entity Releases tab', 'main');
      // The other views draw the same statuses their own way: their colours
      // and names are checked. (The week view's time grid is
      // react-big-calendar's, whose ARIA table roles axe does not accept.)
      for (const view of ['Week', 'Agenda', 'Timeline']) {
        await page.getByRole('button', { name: view, exact: true }).click();
        await assertAccessible(page, `the ${view.toLowerCase()} view`, 'main', [
          'color-contrast',
          'label-content-name-mismatch',
          'button-name',
          'link-name',
        ]);
      }
      await page.getByRole('button', { name: 'Month', exact: true }).click();
    },
  },
  {
    name: 'opens a release detail page, accessibly',
    async run(page) {
      await page.goto('/release-management/releases');
      await page
        .getByRole('link', { name: 'Basket sharing (cart 4.2)' })
        .click();
      for (const heading of ['Scope', 'Checklist', 'Approvals', 'History']) {
        await visible(
          page,
          page.getByRole('heading', { name: heading, exact: true }),
          `the "${heading}" card`,
        );
      }
      await assertAccessible(page, 'the release detail page', 'article');
    },
  },
  {
    name: 'shows the release calendar card on a component page',
    async run(page) {
      await page.goto('/catalog/default/component/cart-service');
      await visible(
        page,
        page.getByRole('heading', { name: 'cart-service' }),
        'the cart-service entity header',
      );
      await visible(
        page,
        page.getByText('Release calendar', { exact: true }),
        'the release calendar card',
      );
      // The demo plans cart-service's own release three days from now.
      await visible(
        page,
        page
          .getByRole('list', { name: 'Release calendar' })
          .getByText('Basket sharing (cart 4.2)'),
        'the demo release on the card',
      );
    },
  },
  {
    name: 'creates a release with the wizard, moving it out of a freeze',
    async run(page, state) {
      await page.goto('/release-management/releases/new');
      const entities = page.getByLabel('Entities');
      for (const name of ['content-service', 'recommendations-service']) {
        await entities.fill(name);
        await page
          .getByRole('option', { name: new RegExp(name) })
          .first()
          .click();
        await page
          .getByLabel(`Version of component:default/${name}`)
          .fill('3.1.0');
      }
      await page.getByRole('button', { name: 'Next' }).click();

      state.title = `Storefront personalisation ${Date.now()}`;
      await page.getByLabel('Title', { exact: true }).fill(state.title);
      await page.getByLabel('Version label').fill('storefront 3.1');
      // The normal model's plan stage checks that the notes are written.
      await page
        .getByLabel('Release notes')
        .fill('Personalised recommendations on the storefront.');
      await page.getByRole('button', { name: 'Next' }).click();

      // Next Friday, 16:00–17:00 in Oslo: inside the demo's weekly
      // "Friday afternoon" soft freeze.
      await page.getByLabel('Time zone').selectOption('Europe/Oslo');
      const friday = nextFriday(state.now);
      await page.getByLabel('Start').fill(`${friday}T16:00`);
      await page.getByLabel('End').fill(`${friday}T17:00`);
      await visible(
        page,
        page.getByText(/Friday afternoon/).first(),
        'the conflict with the Friday freeze',
      );

      await page.getByRole('button', { name: 'Find free slots' }).click();
      const slot = page.getByRole('button', { name: /^Use slot/ }).first();
      await slot.waitFor();
      await slot.click();
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByRole('button', { name: 'Create release' }).click();

      await visible(
        page,
        page.getByRole('heading', { name: state.title }),
        'the new release page',
      );
      state.url = page.url();
    },
  },
  {
    name: 'moves the wizard release to planned and shows it on both entity cards',
    async run(page, state) {
      assert.ok(state.url, 'the wizard check did not create a release');
      await page.goto(state.url);
      await page
        .getByRole('button', { name: 'Move to planned', exact: true })
        .click();
      await visible(
        page,
        page.getByText('planned', { exact: true }).first(),
        'the planned status',
      );
      for (const name of ['content-service', 'recommendations-service']) {
        await page.goto(`/catalog/default/component/${name}`);
        await visible(
          page,
          page
            .getByRole('list', { name: 'Release calendar' })
            .getByText(new RegExp(state.title)),
          `the new release on the ${name} card`,
        );
      }
    },
  },
  {
    name: 'shows the models, freeze windows and architecture views',
    async run(page) {
      await page.goto('/release-management/models');
      await visible(page, page.getByText('normal').first(), 'the normal model');
      await page.goto('/release-management/freeze-windows');
      await visible(
        page,
        page.getByText('Friday afternoon').first(),
        'the Friday freeze',
      );
      await page.goto(
        '/release-management/architecture?root=system:default/checkout',
      );
      await visible(
        page,
        page.getByText('Relations in system:default/checkout'),
        'the checkout system graph',
      );
    },
  },
  {
    name: 'opens the metrics dashboard on the demo data',
    async run(page) {
      await page.goto('/release-management/metrics');
      await visible(
        page,
        page.getByText('Successful release rate').first(),
        'the successful release rate',
      );
      await visible(
        page,
        page.getByText('Deployment frequency').first(),
        'the DORA deployment frequency',
      );
    },
  },
];
