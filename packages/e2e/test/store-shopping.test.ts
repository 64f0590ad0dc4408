import { join } from 'node:path';
import { type LaunchedChromium, launchChromium } from '@clicktrail/test-browser';
import type { TestDatabase } from '@clicktrail/warehouse/testing';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { rawEventLines } from './support/raw-files.js';
import { type StackDatabase, stackDatabase } from './support/stack-database.js';
import type { RunningStack, StackPorts } from './support/stack-process.js';
import { startTestStack, type TestStack } from './support/test-stack.js';

const APP_ID = 'store-e2e';
const EMAIL = 'ada@example.com';
const PASSWORD = 'Engine-Analytical-1843!';

interface Product {
  id: string;
  name: string;
  category_name: string;
  brand: string;
  price_cents: number;
  discount_price_cents: number | null;
}

/** A warehouse row, with the columns the reference design names and the page it came from. */
interface Row {
  event_id: string;
  event_name: string;
  event_at: number;
  path: string;
  client_id: string;
  session_id: string;
  session_number: number;
  is_first_visit: boolean;
  user_id: string | null;
  user_login_state: string;
  identity_source: string | null;
  context_product_id: string | null;
  context_product_name: string | null;
  context_product_category: string | null;
  context_product_brand: string | null;
  context_product_price: string | null;
  context_product_discount_price: string | null;
  context_product_url_path: string | null;
  attributes: Record<string, unknown>;
}

let running: TestStack;
let dataDir: string;
let ports: StackPorts;
let stack: RunningStack;
let server: TestDatabase | null;
let db: StackDatabase;
let chromium: LaunchedChromium;
let page: Page;
let a: Product;
let b: Product;
let orderId: string;
let order: { total_cents: number; cognito_sub: string };
let rows: Row[];

const dashboardUrl = () => `http://127.0.0.1:${ports.DASHBOARD_PORT}`;
const today = () => new Date().toISOString().slice(0, 10);

async function go(link: Locator, url: RegExp): Promise<void> {
  await link.click();
  await page.waitForURL(url);
}

/** Two kitchen products with stock for the trip (the first page of the category lists a). */
async function pickProducts(): Promise<[Product, Product]> {
  const found = await db.query<Product>(
    `SELECT p.id, p.name, p.category_name, p.brand, p.price_cents, p.discount_price_cents
       FROM clickstream_web.products p JOIN clickstream_web.inventory i ON i.product_id = p.id
      WHERE p.category_slug = 'kitchen' AND i.stock >= 3 ORDER BY p.id LIMIT 2`,
  );
  return found as [Product, Product];
}

/**
 * One shopper's visit through the store's pages: browse, add to cart, search, remove, sign
 * up, log out, log in, check out, reload the confirmation; then, 31 minutes later on the
 * page's clock, a second session on the orders page.
 */
async function shop(): Promise<void> {
  const store = `http://127.0.0.1:${ports.STORE_PORT}`;
  await chromium.context.clock.install();
  page = await chromium.context.newPage();
  await page.goto(`${store}/`);
  await go(page.locator('nav.categories a', { hasText: 'Kitchen' }), /\/category\/kitchen$/);
  await go(page.locator(`.grid a[href="/products/${a.id}"]`), new RegExp(`/products/${a.id}$`));
  await page.getByLabel('Quantity').fill('2');
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await page.getByRole('status').filter({ hasText: 'Added 2' }).waitFor();

  await page.getByLabel('Search products').fill(b.name);
  await page.getByLabel('Search products').press('Enter');
  await page.waitForURL(/\/search\?q=/);
  await go(page.locator(`.grid a[href="/products/${b.id}"]`), new RegExp(`/products/${b.id}$`));
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
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.getByRole('link', { name: 'Log in' }).waitFor();
  await go(page.getByRole('link', { name: 'Log in' }), /\/login/);
  await page.getByLabel('Email').fill(EMAIL);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.locator('.who', { hasText: EMAIL }).waitFor();

  await go(page.getByRole('link', { name: 'Cart (2)' }), /\/cart$/);
  await go(page.getByRole('button', { name: 'Checkout' }), /\/checkout$/);
  await go(page.getByRole('button', { name: 'Place order' }), /\/orders\/ord_/);
  orderId = new URL(page.url()).pathname.split('/').at(-1) as string;
  await page.getByRole('heading', { name: 'Thank you for your order' }).waitFor();
  await page.reload();
  await page.getByRole('heading', { name: 'Thank you for your order' }).waitFor();

  // Everything recorded so far is delivered first: a batch sent after the jump would carry a
  // sent_at 31 minutes ahead of the server, and ingest's skew correction would move it back.
  await vi.waitFor(
    async () => {
      // Distinct events: the SDK may have stored one page view twice (a copy is no proof
      // that the other one arrived).
      const views = new Set(
        (await rawEventLines(join(dataDir, 'raw')))
          .map(
            (line) =>
              JSON.parse(line) as { event_id: string; event_name: string; page_url: string },
          )
          .filter((e) => e.event_name === 'page_view' && e.page_url.endsWith(`/orders/${orderId}`))
          .map((e) => e.event_id),
      );
      if (views.size < 2) throw new Error('the confirmation page views are not stored yet');
    },
    { timeout: 20_000, interval: 200 },
  );
  // Past the SDK's 30-minute session timeout: the next page starts session 2.
  await chromium.context.clock.fastForward('31:00');
  await go(page.getByRole('link', { name: 'Orders', exact: true }), /\/orders$/);
  await page.close({ runBeforeUnload: true });
}

/** Waits until the ETL has loaded everything ingest stored (the dashboard's health says so). */
async function waitForWarehouse(): Promise<void> {
  await vi.waitFor(
    async () => {
      const [last] = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM clickstream_events
          WHERE app_id = $1 AND event_name = 'page_view' AND page_url LIKE '%/orders'`,
        [APP_ID],
      );
      if (!last?.n) throw new Error('the last page view is not in the warehouse yet');
      const health = (await (await fetch(`${dashboardUrl()}/api/health`)).json()) as {
        pending_objects: number;
      };
      if (health.pending_objects !== 0) throw new Error('raw objects still pending');
    },
    { timeout: 60_000, interval: 500 },
  );
}

beforeAll(async () => {
  running = await startTestStack({
    appId: APP_ID,
    needsStore: true,
    // Headless Chromium is a bot to the SDK: this test wants its events.
    env: { NEXT_PUBLIC_CLICKTRAIL_TRACK_BOTS: '1' },
  });
  ({ stack, ports, dataDir, server } = running);
  db = stackDatabase(server?.url ?? null, ports.CLICKTRAIL_PG_PORT);
  [a, b] = await pickProducts();
  chromium = await launchChromium();
  await shop();
  const orders = await db.query<{ total_cents: number; cognito_sub: string }>(
    `SELECT o.total_cents, u.cognito_sub FROM clickstream_web.orders o
       JOIN clickstream_web.users u ON u.id = o.user_id WHERE o.id = $1`,
    [orderId],
  );
  order = orders[0] as typeof order;
  await waitForWarehouse();
  rows = await db.query<Row>(
    `SELECT event_id, event_name, (extract(epoch FROM event_timestamp) * 1000)::float8 AS event_at,
            regexp_replace(page_url, '^https?://[^/]+|\\?.*$', '', 'g') AS path,
            client_id, session_id, session_number, is_first_visit, user_id, user_login_state,
            identity_source, context_product_id, context_product_name, context_product_category,
            context_product_brand, context_product_price::text, context_product_discount_price::text,
            context_product_url_path, attributes
       FROM clickstream_events WHERE app_id = $1
      -- Events of one instant in the order the SDK records them (its automatic ones first).
      ORDER BY event_timestamp, CASE event_name WHEN 'session_start' THEN 0
        WHEN 'first_visit' THEN 1 WHEN 'page_view' THEN 2 ELSE 3 END`,
    [APP_ID],
  );
}, 420_000);

afterAll(async () => {
  await chromium?.close();
  await running?.stop();
});

const sessionOne = (id: string) => [
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
  'page_view /login',
  'login /login',
  'page_view /',
  'page_view /cart',
  'begin_checkout /cart',
  'page_view /checkout',
  'purchase /checkout',
  `page_view /orders/${id}`,
  `page_view /orders/${id}`,
];
const sessionTwo = ['session_start /orders', 'page_view /orders'];

const contextOf = (p: Product) => ({
  context_product_id: p.id,
  context_product_name: p.name,
  context_product_category: p.category_name,
  context_product_brand: p.brand,
  context_product_price: (p.price_cents / 100).toFixed(2),
  context_product_discount_price:
    p.discount_price_cents === null ? null : (p.discount_price_cents / 100).toFixed(2),
  context_product_url_path: `/products/${p.id}`,
});
const money = (cents: number) => Number(cents) / 100;

describe('a shopper in the real store, through the running stack', () => {
  it('serves the Next.js store, not the one-page demo shop', () => {
    expect(stack.output()).toContain('the Next.js store, recording with the SDK');
  });

  it('lands every event of the trip in the warehouse exactly once, in order', () => {
    expect(rows.map((row) => `${row.event_name} ${row.path}`)).toEqual([
      ...sessionOne(orderId),
      ...sessionTwo,
    ]);
    expect(new Set(rows.map((row) => row.event_id)).size).toBe(rows.length);
  });

  it('keeps one client, and splits the sessions at the timeout with the first-visit flag', () => {
    expect(new Set(rows.map((row) => row.client_id)).size).toBe(1);
    const first = rows.slice(0, sessionOne(orderId).length);
    const second = rows.slice(first.length);
    const facts = (list: Row[]) =>
      list.map((row) => [row.session_id, row.session_number, row.is_first_visit]);
    const [one, two] = [first[0]?.session_id, second[0]?.session_id];
    expect(one).not.toBe(two);
    expect(facts(first)).toEqual(first.map(() => [one, 1, true]));
    expect(facts(second)).toEqual(second.map(() => [two, 2, false]));
  });

  it('records the login state as Cognito tells it: out, in after sign-up, out, in again', () => {
    const states = rows.map((row) => [row.user_login_state, row.user_id, row.identity_source]);
    const out = ['logged_out', null, null];
    const inn = ['logged_in', order.cognito_sub, 'cognito'];
    const names = rows.map((row) => `${row.event_name} ${row.path}`);
    const signUpLogin = names.indexOf('login /signup');
    const loginPage = names.indexOf('page_view /login');
    const login = names.indexOf('login /login');
    expect(states).toEqual(
      rows.map((_, i) => (i < signUpLogin ? out : i < loginPage ? inn : i < login ? out : inn)),
    );
  });

  it('carries the product context of views and cart changes into context_product_*', () => {
    const context = (row: Row) => ({
      context_product_id: row.context_product_id,
      context_product_name: row.context_product_name,
      context_product_category: row.context_product_category,
      context_product_brand: row.context_product_brand,
      context_product_price: row.context_product_price,
      context_product_discount_price: row.context_product_discount_price,
      context_product_url_path: row.context_product_url_path,
    });
    const withProduct = rows.filter((row) => row.context_product_id !== null);
    expect(withProduct.map((row) => [row.event_name, context(row)])).toEqual([
      ['view_item', contextOf(a)],
      ['add_to_cart', contextOf(a)],
      ['view_item', contextOf(b)],
      ['add_to_cart', contextOf(b)],
      ['remove_from_cart', contextOf(b)],
    ]);
  });

  it('records the purchase once, with the order the store made and its total', () => {
    const purchases = rows.filter((row) => row.event_name === 'purchase');
    expect(purchases.map((row) => row.attributes)).toEqual([
      expect.objectContaining({
        transaction_id: orderId,
        value: money(order.total_cents),
        currency: 'USD',
      }),
    ]);
    expect(order.total_cents).toBe((a.discount_price_cents ?? a.price_cents) * 2);
  });

  it('shows the trip on the dashboard API: headline figures, funnel and products', async () => {
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const query = `from=${yesterday}&to=${today()}&app_id=${APP_ID}`;
    const ask = async (panel: string) =>
      (await fetch(`${dashboardUrl()}/api/${panel}?${query}`)).json() as Promise<
        Record<string, unknown>
      >;
    const [summary, funnel, products] = await Promise.all([
      ask('summary'),
      ask('funnel'),
      ask('products'),
    ]);
    expect(summary).toMatchObject({
      users: 1,
      new_users: 1,
      sessions: 2,
      events: rows.length,
      page_views: rows.filter((row) => row.event_name === 'page_view').length,
      purchases: 1,
      revenue: money(order.total_cents),
    });
    expect(funnel.steps).toEqual([
      expect.objectContaining({ name: 'view_item', clients: 1 }),
      expect.objectContaining({ name: 'add_to_cart', clients: 1 }),
      expect.objectContaining({ name: 'begin_checkout', clients: 1 }),
      expect.objectContaining({ name: 'purchase', clients: 1 }),
    ]);
    const listed = (products.products as Array<Record<string, unknown>>).map((p) => [
      p.product_id,
      { views: p.views, add_to_carts: p.add_to_carts, purchases: p.purchases, units: p.units },
      p.revenue,
    ]);
    expect(listed).toEqual([
      [a.id, { views: 1, add_to_carts: 1, purchases: 1, units: 2 }, money(order.total_cents)],
      [b.id, { views: 1, add_to_carts: 1, purchases: 0, units: 0 }, 0],
    ]);
  });

  it('shows the same headline figures on the dashboard page', async () => {
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const view = await chromium.context.newPage();
    await view.goto(`${dashboardUrl()}/?from=${yesterday}&to=${today()}&app_id=${APP_ID}`);
    const kpi = (metric: string) =>
      view.locator(`.kpi[data-metric="${metric}"] .value`).textContent();
    expect(await kpi('users')).toBe('1');
    expect(await kpi('sessions')).toBe('2');
    expect(await kpi('events')).toBe(String(rows.length));
    expect(await kpi('purchases')).toBe('1');
    expect(await kpi('revenue')).toBe(
      new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(
        money(order.total_cents),
      ),
    );
    await view.close();
  });
});
