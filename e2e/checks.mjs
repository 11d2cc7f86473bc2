// The end-to-end checks, in order: each gets the same signed-in page.
import assert from 'node:assert/strict';

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
    name: 'lists the demo releases on the release management page',
    async run(page) {
      await page.goto('/release-management');
      await eventually(
        page,
        page.getByText('Basket sharing (cart 4.2)'),
        'the demo release "Basket sharing"',
      );
      await visible(
        page,
        page.getByText('New card acquirer (payments 7.0)'),
        'the demo release "New card acquirer"',
      );
      await visible(
        page,
        page.getByRole('link', { name: /Releases/ }),
        'the Releases entry in the sidebar',
      );
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
];
