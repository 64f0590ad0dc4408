import type { ClickstreamEvent } from '@clicktrail/sdk';
import { type LaunchedChromium, launchChromium } from '@clicktrail/test-browser';
import { createTestDatabase, type TestDatabase } from '@clicktrail/warehouse/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productContext } from '../src/analytics/product-context';
import { connect } from '../src/db/connection';
import { migrate } from '../src/db/migrate';
import { getProduct, listProducts, type Product } from '../src/db/products';
import type { Database } from '../src/db/queryable';
import { TABLES } from '../src/db/schema';
import { seed } from '../src/db/seed';
import { type CaptureEndpoint, startCaptureEndpoint } from './capture-endpoint';
import { type CognitoLocal, startCognitoLocal } from './cognito-local';
import { ensureProductionBuild, type StoreServer, startStore } from './store-server';

const EMAIL = 'grace@example.com';
const PASSWORD = 'Compiler-A0-1952!';

describe('the store in Chromium, production build', () => {
  let database: TestDatabase;
  let db: Database;
  let cognito: CognitoLocal;
  let capture: CaptureEndpoint;
  let store: StoreServer;
  let chromium: LaunchedChromium;
  let page: Page;

  beforeAll(async () => {
    ensureProductionBuild();
    database = await createTestDatabase();
    db = connect({ url: database.url, embedded: database.kind === 'pglite' }, { max: 2 });
    await migrate(db);
    await seed(db);
    [cognito, capture] = await Promise.all([startCognitoLocal(), startCaptureEndpoint()]);
    store = await startStore({
      DATABASE_URL: database.url,
      COGNITO_ENDPOINT: cognito.endpoint,
      NEXT_PUBLIC_CLICKTRAIL_ENDPOINT: capture.url,
      NEXT_PUBLIC_CLICKTRAIL_APP_ID: 'store-test',
      // Headless Chromium is a bot to the SDK: this test wants its events.
      NEXT_PUBLIC_CLICKTRAIL_TRACK_BOTS: '1',
    });
    chromium = await launchChromium();
    page = await chromium.context.newPage();
  }, 600_000);

  afterAll(async () => {
    await chromium?.close();
    await store?.stop();
    await Promise.all([cognito?.stop(), capture?.stop()]);
    await db?.end();
    await database?.drop();
  });

  const path = (event: ClickstreamEvent) => new URL(event.page_url ?? '', 'http://x').pathname;
  const go = async (link: ReturnType<Page['locator']>, url: RegExp) => {
    await link.click();
    await page.waitForURL(url);
    if (process.env.STORE_TEST_TRACE) console.info('at', page.url(), capture.events.length);
  };

  it('records one shopping trip exactly, and the order takes the stock', async () => {
    const kitchen = (await listProducts(db, { category: 'kitchen' })).products.filter(
      (p) => p.stock >= 3,
    );
    const [a, b] = kitchen as [Product, Product];
    const searchTerm = b.name.split(' ').at(-1)!.toLowerCase();

    await page.goto(`${store.url}/`);
    await go(page.locator('nav.categories a', { hasText: 'Kitchen' }), /\/category\/kitchen$/);
    await go(page.locator(`.grid a[href="/products/${a.id}"]`), new RegExp(`/products/${a.id}$`));
    await page.getByRole('heading', { name: a.name }).waitFor();

    await page.getByLabel('Quantity').fill('0');
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await page.getByRole('alert').filter({ hasText: 'quantity from 1 to 99' }).waitFor();
    await page.getByLabel('Quantity').fill('2');
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await page.getByRole('status').filter({ hasText: 'Added 2' }).waitFor();

    await page.getByLabel('Search products').fill(searchTerm);
    await page.getByLabel('Search products').press('Enter');
    await page.waitForURL(/\/search\?q=/);
    await go(page.locator(`.grid a[href="/products/${b.id}"]`), new RegExp(`/products/${b.id}$`));
    await page.getByRole('heading', { name: b.name }).waitFor();
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await page.getByRole('status').filter({ hasText: 'Added 1' }).waitFor();

    await go(page.getByRole('link', { name: 'Cart (3)' }), /\/cart$/);
    await page
      .locator(`tr[data-product-id="${b.id}"]`)
      .getByRole('button', { name: 'Remove' })
      .click();
    await page.locator(`tr[data-product-id="${b.id}"]`).waitFor({ state: 'detached' });

    await go(page.getByRole('link', { name: 'Sign up' }), /\/signup/);
    await page.getByLabel('Email').fill(EMAIL);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.locator('.who', { hasText: EMAIL }).waitFor();

    await go(page.getByRole('link', { name: 'Cart (2)' }), /\/cart$/);
    await go(page.getByRole('button', { name: 'Checkout' }), /\/checkout$/);
    await go(page.getByRole('button', { name: 'Place order' }), /\/orders\/ord_/);
    const orderId = new URL(page.url()).pathname.split('/').at(-1)!;
    await page.getByRole('heading', { name: 'Thank you for your order' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Thank you for your order' }).waitFor();
    // What is still queued leaves when the page goes (keepalive fetch or beacon).
    await page.close({ runBeforeUnload: true });
    const deadline = Date.now() + 20_000;
    while (
      !capture.events.some(
        (e) =>
          e.event_name === 'page_view' &&
          path(e) === `/orders/${orderId}` &&
          capture.events.filter((x) => path(x) === `/orders/${orderId}`).length >= 3,
      ) &&
      Date.now() < deadline
    ) {
      await new Promise((r) => setTimeout(r, 250));
    }
    await new Promise((r) => setTimeout(r, 1_000));

    // Each event once, in the order recorded, and none sent twice: no copy of an event the
    // endpoint already had (same event_id), not even after the reload and the page's close.
    const sorted = [...capture.events].sort((x, y) => x.event_timestamp - y.event_timestamp);
    const events = sorted.filter(
      (e, i) => sorted.findIndex((x) => x.event_id === e.event_id) === i,
    );
    const copies = sorted.filter(
      (e, i) => sorted.findIndex((x) => x.event_id === e.event_id) !== i,
    );
    expect(copies.map((e) => `${e.event_name} ${path(e)}`)).toEqual([]);
    if (process.env.STORE_TEST_TRACE) {
      const { writeFileSync } = await import('node:fs');
      writeFileSync(
        '/tmp/store-events.json',
        JSON.stringify({ batches: capture.batches, events: sorted }, null, 1),
      );
    }
    expect(events.map((e) => `${e.event_name} ${path(e)}`)).toEqual([
      'session_start /',
      'first_visit /',
      'page_view /',
      'page_view /category/kitchen',
      `page_view /products/${a.id}`,
      `view_item /products/${a.id}`,
      `add_to_cart /products/${a.id}`,
      'page_view /search',
      'search /search',
      `page_view /products/${b.id}`,
      `view_item /products/${b.id}`,
      `add_to_cart /products/${b.id}`,
      'page_view /cart',
      'remove_from_cart /cart',
      'page_view /signup',
      'sign_up /signup',
      'login /signup',
      'page_view /',
      'page_view /cart',
      'begin_checkout /cart',
      'page_view /checkout',
      'purchase /checkout',
      `page_view /orders/${orderId}`,
      `page_view /orders/${orderId}`,
    ]);

    const named = (name: string) => events.filter((e) => e.event_name === name);
    // Each page view carries its own page's title, never the one it came from or none.
    const titleOf: Record<string, string> = {
      '/': 'Clicktrail Store',
      '/category/kitchen': `${a.categoryName} · Clicktrail Store`,
      [`/products/${a.id}`]: `${a.name} · Clicktrail Store`,
      [`/products/${b.id}`]: `${b.name} · Clicktrail Store`,
      '/search': 'Search · Clicktrail Store',
      '/cart': 'Cart · Clicktrail Store',
      '/signup': 'Sign up · Clicktrail Store',
      '/checkout': 'Checkout · Clicktrail Store',
      [`/orders/${orderId}`]: 'Order confirmation · Clicktrail Store',
    };
    const pageViews = named('page_view').map((e) => `${path(e)} ${e.page_title}`);
    expect(pageViews).toEqual(named('page_view').map((e) => `${path(e)} ${titleOf[path(e)]}`));
    const context = (p: Product) => productContext(p);
    expect(named('view_item').map((e) => e.product)).toEqual([context(a), context(b)]);
    expect(named('add_to_cart').map((e) => [e.product, e.attributes.quantity])).toEqual([
      [context(a), 2],
      [context(b), 1],
    ]);
    expect(named('remove_from_cart').map((e) => [e.product?.id, e.attributes.quantity])).toEqual([
      [b.id, 1],
    ]);
    expect(named('search')[0]?.attributes.search_term).toBe(searchTerm);

    const { rows } = await db.query<{ cognito_sub: string; total_cents: number }>(
      `SELECT u.cognito_sub, o.total_cents FROM ${TABLES.orders} o JOIN ${TABLES.users} u ON u.id = o.user_id WHERE o.id = $1`,
      [orderId],
    );
    const order = rows[0]!;
    const purchase = named('purchase')[0]!;
    expect(purchase.attributes).toMatchObject({
      transaction_id: orderId,
      value: order.total_cents / 100,
      currency: 'USD',
    });
    expect(purchase.items.map((i) => [i.id, i.quantity])).toEqual([[a.id, 2]]);
    expect(order.total_cents).toBe((a.discountPriceCents ?? a.priceCents) * 2);

    const loginAt = events.findIndex((e) => e.event_name === 'login');
    for (const [index, event] of events.entries()) {
      const expected =
        index < loginAt
          ? { user_id: null, user_login_state: 'logged_out' }
          : {
              user_id: order.cognito_sub,
              user_login_state: 'logged_in',
              identity_source: 'cognito',
            };
      expect({ index, ...event }).toMatchObject({ index, ...expected });
    }
    expect((await getProduct(db, a.id))?.stock).toBe(a.stock - 2);
    expect((await getProduct(db, b.id))?.stock).toBe(b.stock);
  }, 240_000);
});
