import type { BrowserContext, Page } from 'playwright-core';
import { SHOPPER_PASSWORD, type ShopperAction, shopperEmail } from '../model/actions.js';

interface ActionOptions {
  origin: string;
  runId: string;
}

declare global {
  interface Window {
    next?: { router?: { push(href: string): void } };
  }
}

/** Until React has hydrated the page: before that a click would be a plain form post. */
async function hydrated(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const link = document.querySelector('header a');
      return !!link && Object.keys(link).some((key) => key.startsWith('__react'));
    },
    undefined,
    { polling: 50, timeout: 30_000 },
  );
}

const pathOf = (url: URL) => `${url.pathname}${url.search}`;
const samePath = (path: string) => (url: URL) =>
  decodeURIComponent(pathOf(url)) === decodeURIComponent(path);

async function load(context: BrowserContext, origin: string, path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${origin}${path}`);
  await hydrated(page);
  return page;
}

async function logInOn(page: Page, email: string, button: 'Log in' | 'Sign up') {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(SHOPPER_PASSWORD);
  await page.getByRole('button', { name: button }).click();
  await page.locator('.who', { hasText: email }).waitFor();
  // Then the store sends the shopper on (`next`): its page view comes before anything else.
  await page.waitForURL((url) => !['/login', '/signup'].includes(url.pathname));
}

/**
 * Does one shopper action on the store's pages, the way a shopper does it: buttons and
 * forms by their labels, client-side navigation through the app's router (what a link does),
 * and waits until the page shows its result.
 */
export async function performAction(
  context: BrowserContext,
  tabs: Page[],
  action: ShopperAction,
  options: ActionOptions,
): Promise<void> {
  const page = tabs.at(-1) as Page;
  switch (action.kind) {
    case 'load':
    case 'open-tab':
      tabs.push(await load(context, options.origin, action.path));
      return;
    case 'close-tab':
      await (tabs.pop() as Page).close();
      return;
    case 'go':
      await page.evaluate((href) => window.next?.router?.push(href), action.path);
      await page.waitForURL(samePath(action.path));
      await page.locator('main').first().waitFor();
      return;
    case 'add': {
      await page.getByLabel('Quantity').fill(String(action.quantity));
      await page.getByRole('button', { name: 'Add to cart' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `Added ${action.quantity}` })
        .waitFor();
      return;
    }
    case 'remove': {
      const row = page.locator(`tr[data-product-id="${action.productId}"]`);
      await row.getByRole('button', { name: 'Remove' }).click();
      await row.waitFor({ state: 'detached' });
      return;
    }
    case 'checkout':
      await page.getByRole('button', { name: 'Checkout' }).click();
      await page.waitForURL((url) => url.pathname === '/checkout' || url.pathname === '/login');
      await page.locator('main h1').waitFor();
      return;
    case 'sign-up':
      await logInOn(page, shopperEmail(action.userId, options.runId), 'Sign up');
      return;
    case 'log-in':
      await logInOn(page, shopperEmail(action.userId, options.runId), 'Log in');
      return;
    case 'order':
      await page.getByRole('button', { name: 'Place order' }).click();
      await page.waitForURL((url) => url.pathname.startsWith('/orders/'));
      await page.getByRole('heading', { name: 'Thank you for your order' }).waitFor();
      return;
    case 'reload':
      await page.reload();
      await hydrated(page);
      return;
  }
}
