// The end-to-end checks, in order: each gets the same signed-in page.
import assert from 'node:assert/strict';

async function visible(page, locator, what) {
  await locator.first().waitFor({ state: 'visible' });
  assert.ok(await locator.first().isVisible(), `${what} is not visible`);
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
      await visible(
        page,
        page.getByText(/No releases of cart-service or of what it depends on/),
        'the empty state of the card',
      );
    },
  },
  {
    name: 'shows the release management page',
    async run(page) {
      await page.goto('/release-management');
      await visible(
        page,
        page.getByText('No releases planned yet'),
        'the empty state of the release management page',
      );
      await visible(
        page,
        page.getByRole('link', { name: /Releases/ }),
        'the Releases entry in the sidebar',
      );
    },
  },
];
