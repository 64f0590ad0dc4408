import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Query } from '../db/reader.js';
import type { ReportRange } from '../filters/range.js';
import { type FixtureWarehouse, fixtureWarehouse } from '../test-support/fixture-warehouse.js';
import { acquisition } from './acquisition.js';
import { apps, hasEvents } from './apps.js';
import { audience } from './audience.js';
import { funnel } from './funnel.js';
import { health } from './health.js';
import { live } from './live.js';
import { pages } from './pages.js';
import { products } from './products.js';
import { retention } from './retention.js';
import { trend } from './trend.js';

let warehouse: FixtureWarehouse;
beforeAll(async () => {
  warehouse = await fixtureWarehouse();
});
afterAll(() => warehouse?.close());

const week: ReportRange = { from: '2026-11-16', to: '2026-11-22', appId: null, timeZone: 'UTC' };
const read = <T>(work: (query: Query) => Promise<T>): Promise<T> => warehouse.reader.read(work);

describe('trend', () => {
  it('has one point a day, empty days as zeros, sessions on their start day', async () => {
    const t = await read((q) => trend(q, week));
    expect(t.granularity).toBe('day');
    expect(t.points).toEqual([
      { bucket: '2026-11-16', users: 1, sessions: 1, page_views: 1, revenue: 25 },
      { bucket: '2026-11-17', users: 1, sessions: 1, page_views: 1, revenue: 0 },
      // B's session ends here (started 11-17): B and A active, one session started (A2).
      { bucket: '2026-11-18', users: 2, sessions: 1, page_views: 2, revenue: 0 },
      { bucket: '2026-11-19', users: 1, sessions: 1, page_views: 1, revenue: 0 },
      { bucket: '2026-11-20', users: 1, sessions: 1, page_views: 2, revenue: 0 },
      { bucket: '2026-11-21', users: 1, sessions: 1, page_views: 1, revenue: 10 },
      { bucket: '2026-11-22', users: 0, sessions: 0, page_views: 0, revenue: 0 },
    ]);
  });
});

describe('funnel', () => {
  it('closed: counts a client at a step only after the earlier steps, in order', async () => {
    // view_item: A B C; then add_to_cart: A C; begin_checkout: A; purchase: A (E skipped the steps).
    const f = await read((q) => funnel(q, week, 'closed'));
    expect(f.steps).toEqual([
      { name: 'view_item', clients: 3 },
      { name: 'add_to_cart', clients: 2 },
      { name: 'begin_checkout', clients: 1 },
      { name: 'purchase', clients: 1 },
    ]);
  });

  it('open: counts every client who reached a step', async () => {
    const f = await read((q) => funnel(q, week, 'open'));
    expect(f.steps.map((s) => s.clients)).toEqual([3, 2, 1, 2]);
  });
});

describe('products', () => {
  it('credits purchases, units and revenue to the items of each counted purchase', async () => {
    // Mug: viewed by A B C, added by A C; T1 (recorded twice) has one line, 2 x 12.50.
    // Towel: never viewed; E's purchase has one line without a quantity (1) at its
    // discount price 10. Neither purchase event has a product context of its own.
    const p = await read((q) => products(q, week));
    expect(p.products).toEqual([
      {
        product_id: 'sku-mug',
        name: 'Ceramic mug',
        category: 'kitchen',
        brand: 'Acme',
        views: 3,
        add_to_carts: 2,
        purchases: 1,
        units: 2,
        revenue: 25,
      },
      {
        product_id: 'sku-towel',
        name: 'Tea towel',
        category: 'kitchen',
        brand: 'Linen Co',
        views: 0,
        add_to_carts: 0,
        purchases: 1,
        units: 1,
        revenue: 10,
      },
    ]);
    // Categories and brands count purchases as distinct transactions over all their products.
    expect(p.categories).toEqual([
      { name: 'kitchen', views: 3, add_to_carts: 2, purchases: 2, units: 3, revenue: 35 },
    ]);
    expect(p.brands).toEqual([
      { name: 'Acme', views: 3, add_to_carts: 2, purchases: 1, units: 2, revenue: 25 },
      { name: 'Linen Co', views: 0, add_to_carts: 0, purchases: 1, units: 1, revenue: 10 },
    ]);
  });

  it('counts a purchase on the day of its first record, in the range asked', async () => {
    // 11-21 holds E's towel only; the mug was bought on 11-16.
    const p = await read((q) => products(q, { ...week, from: '2026-11-21', to: '2026-11-21' }));
    expect(p.products.map((r) => [r.product_id, r.purchases, r.units, r.revenue])).toEqual([
      ['sku-towel', 1, 1, 10],
    ]);
  });

  it('keeps category and brand totals whole when the product list is cut short', async () => {
    const p = await read((q) => products(q, week, 1));
    expect(p.products.map((r) => r.product_id)).toEqual(['sku-mug']);
    expect(p.categories[0]).toMatchObject({ name: 'kitchen', purchases: 2, revenue: 35 });
  });
});

describe('acquisition and pages', () => {
  it('attributes each session to its landing page referrer and UTM tags', async () => {
    const a = await read((q) => acquisition(q, week));
    expect(a.referrers).toEqual([
      { referrer: '(direct)', sessions: 3 },
      { referrer: 'www.google.com', sessions: 2 },
      { referrer: 'mail.example.com', sessions: 1 },
    ]);
    expect(a.campaigns).toEqual([
      { utm_source: '(none)', utm_medium: '(none)', utm_campaign: '(none)', sessions: 5 },
      { utm_source: 'news', utm_medium: 'email', utm_campaign: 'nov', sessions: 1 },
    ]);
  });

  it('lists top, landing and exit pages', async () => {
    const p = await read((q) => pages(q, week));
    expect(p.top).toEqual([
      { path: '/', page_views: 5, users: 4 },
      { path: '/post-1', page_views: 1, users: 1 },
      { path: '/post-2', page_views: 1, users: 1 },
      { path: '/products/mug', page_views: 1, users: 1 },
    ]);
    expect(p.landing).toEqual([
      { path: '/', sessions: 5 },
      { path: '/post-1', sessions: 1 },
    ]);
    expect(p.exit).toEqual([
      { path: '/', sessions: 4 },
      { path: '/post-2', sessions: 1 },
      { path: '/products/mug', sessions: 1 },
    ]);
  });
});

describe('audience', () => {
  it('splits users and sessions by type, login, identity, browser and device', async () => {
    const a = await read((q) => audience(q, week));
    expect(a.user_type).toEqual([
      { name: 'new', count: 4 },
      { name: 'returning', count: 1 },
    ]);
    expect(a.login_state).toEqual([
      { name: 'guest', count: 5 },
      { name: 'logged in', count: 1 },
    ]);
    expect(a.identity_source).toEqual([
      { name: '(none)', count: 5 },
      { name: 'cognito', count: 1 },
    ]);
    expect(a.browser).toEqual([
      { name: 'Firefox', count: 3 },
      { name: 'Chrome', count: 1 },
      { name: 'Safari', count: 1 },
    ]);
    expect(a.device).toEqual([
      { name: 'desktop', count: 4 },
      { name: 'mobile', count: 1 },
    ]);
  });
});

describe('retention', () => {
  it('follows the first-visit cohort of a week into the next', async () => {
    // Cohort of 11-16: A B D E; in the week of 11-23 only A is back (11-24).
    const r = await read((q) => retention(q, { ...week, to: '2026-11-29' }));
    expect(r.cohorts).toEqual([
      { cohort_week: '2026-11-16', clients: 4, week_offset: 0, active_clients: 4, share: 1 },
      { cohort_week: '2026-11-16', clients: 4, week_offset: 1, active_clients: 1, share: 0.25 },
    ]);
  });
});

describe('live, health, apps', () => {
  it('shows only what was received in the last 30 minutes, filterable by name and app', async () => {
    const all = await read((q) => live(q, null, null));
    expect(all.events.map((e) => [e.client_id, e.event_name])).toEqual([
      ['client-live', 'page_view'],
    ]);
    expect((await read((q) => live(q, 'shop', null))).events).toEqual([]);
    expect((await read((q) => live(q, null, 'purchase'))).events).toEqual([]);
  });

  it('reports the last load, the quarantined line and the events ingest refused', async () => {
    const h = await read((q) => health(q));
    expect(h).toMatchObject({
      pending_objects: 0,
      oldest_pending_age_s: 0,
      quarantined_lines: 1,
      rejected_events: 2,
      last_run_status: 'done',
    });
    expect(Date.now() - Date.parse(h.last_load_at as string)).toBeLessThan(10 * 60_000);
  });

  it('lists both apps', async () => {
    expect((await read((q) => apps(q))).map((a) => a.app_id)).toEqual(['blog', 'shop']);
    expect(await read((q) => hasEvents(q))).toBe(true);
  });
});
