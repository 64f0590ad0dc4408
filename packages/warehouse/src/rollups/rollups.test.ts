import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildAll, rebuildDerived } from '../derive/derive.js';
import { insertEvents, testEventRow } from '../testing/insert-events.js';
import { createMigratedTestDatabase } from '../testing/migrated.js';
import type { TestDatabase } from '../testing/test-database.js';

let db: TestDatabase;
let client: pg.Client;
beforeAll(async () => {
  db = await createMigratedTestDatabase();
  client = await db.connect();
});
afterAll(async () => {
  await client.end();
  await db.drop();
});

const ROLLUPS = [
  'daily_clients',
  'daily_client_values',
  'daily_session_totals',
  'daily_session_values',
  'daily_products',
  'daily_product_groups',
  'daily_product_contexts',
  'funnel_steps',
  'daily_first_counts',
  'session_landings',
  'funnel_chains',
  'funnel_day_chains',
  'daily_cohort_counts',
  'hourly_clients',
] as const;
type Row = Record<string, unknown>;

async function rollupRows(): Promise<Record<(typeof ROLLUPS)[number], Row[]>> {
  const all = {} as Record<(typeof ROLLUPS)[number], Row[]>;
  for (const table of ROLLUPS) {
    const rows = (await client.query(`SELECT * FROM ${table}`)).rows as Row[];
    // In a total order, whatever the table's key.
    all[table] = rows
      .map((row) => [JSON.stringify(row), row] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, row]) => row);
  }
  return all;
}

const MUG = { context_product_id: 'mug', context_product_category: 'kitchen' };
const ev = (at: string, more: Parameters<typeof testEventRow>[0] = {}) =>
  testEventRow({ event_timestamp: at, ...more });

describe('rollups', () => {
  it('rebuilds only the days touched, and ends where a full rebuild does', async () => {
    // Day 1: A views and buys a mug (two lines' worth of one item), B views from Google.
    await insertEvents(client, [
      ev('2026-11-20T10:00:00Z', { page_url: 'https://shop.example/?utm_source=news' }),
      ev('2026-11-20T10:00:05Z', { event_name: 'view_item', ...MUG }),
      ev('2026-11-20T10:00:09Z', { event_name: 'add_to_cart', ...MUG }),
      ev('2026-11-20T10:01:00Z', {
        event_name: 'purchase',
        attributes: { transaction_id: 'T1', value: 25 },
        items: [{ id: 'mug', category: 'kitchen', price: 12.5, quantity: 2 }],
      }),
      ev('2026-11-20T11:00:00Z', {
        client_id: 'client-b',
        session_id: 'b1',
        page_referrer: 'https://www.google.com/',
      }),
    ]);
    await rebuildDerived(client, { timeZone: 'UTC' });
    const first = await rollupRows();
    expect(first.daily_clients).toHaveLength(2);
    expect(first.daily_products).toMatchObject([
      { product_id: 'mug', views: 1, add_to_carts: 1, purchases: 1, units: '2', revenue: '25.0' },
    ]);
    expect(first.funnel_steps.map((r) => (r as { step: number }).step).sort()).toEqual([0, 1, 3]);
    expect(
      first.daily_session_values
        .filter((r) => (r as { dimension: string }).dimension === 'referrer')
        .map((r) => [(r as { value: string }).value, (r as { sessions: number }).sessions]),
    ).toEqual([
      ['(direct)', 1],
      ['www.google.com', 1],
    ]);

    // Day 2, and a late event of B's session from the evening before day 1: its start moves.
    await insertEvents(client, [
      ev('2026-11-21T09:00:00Z', { session_id: 'a2', event_name: 'view_item', ...MUG }),
      ev('2026-11-19T23:59:00Z', { client_id: 'client-b', session_id: 'b1' }),
    ]);
    const second = await rebuildDerived(client, { timeZone: 'UTC' });
    expect(second.days).toEqual(['2026-11-19', '2026-11-20', '2026-11-21']);
    const incremental = await rollupRows();
    const totals = incremental.daily_session_totals as { day: Date; sessions: number }[];
    expect(totals.map((t) => [t.day.toISOString().slice(0, 10), t.sessions])).toEqual([
      ['2026-11-19', 1],
      ['2026-11-20', 1],
      ['2026-11-21', 1],
    ]);

    await rebuildAll(client, { timeZone: 'UTC' });
    expect(await rollupRows()).toEqual(incremental);
  });

  it('gives every client one key, kept by a full rebuild', async () => {
    const before = (await client.query('SELECT * FROM client_keys ORDER BY client_key')).rows;
    await rebuildAll(client, { timeZone: 'UTC' });
    expect((await client.query('SELECT * FROM client_keys ORDER BY client_key')).rows).toEqual(
      before,
    );
    expect(before.map((r) => r.client_id)).toEqual(['client-a', 'client-b']);
  });

  it('gives each client row the previous day of its kind, within its app and across apps', async () => {
    // X: shop and blog on 11-25, shop again on 11-27 (a first visit on 11-25 in the shop only).
    await insertEvents(client, [
      ev('2026-11-25T08:00:00Z', { client_id: 'x', session_id: 'x1', event_name: 'first_visit' }),
      ev('2026-11-25T09:00:00Z', { client_id: 'x', session_id: 'x2', app_id: 'blog' }),
      ev('2026-11-27T09:00:00Z', { client_id: 'x', session_id: 'x3' }),
    ]);
    await rebuildDerived(client, { timeZone: 'UTC' });
    const rows = await client.query(`SELECT to_char(r.day, 'MM-DD') AS day, r.app_id,
        to_char(prev_day, 'MM-DD') AS prev, to_char(prev_day_any, 'MM-DD') AS prev_any,
        to_char(prev_first_visit, 'MM-DD') AS prev_fv
      FROM daily_clients r JOIN client_keys k USING (client_key) WHERE k.client_id = 'x'
      ORDER BY r.day, r.app_id`);
    expect(rows.rows).toEqual([
      { day: '11-25', app_id: 'blog', prev: null, prev_any: null, prev_fv: null },
      { day: '11-25', app_id: 'shop', prev: null, prev_any: '11-25', prev_fv: null },
      { day: '11-27', app_id: 'shop', prev: '11-25', prev_any: '11-25', prev_fv: '11-25' },
    ]);
  });

  it('rebuilds only the products the new events hit, and ends where a full rebuild does', async () => {
    const KITE = { context_product_id: 'kite', context_product_brand: 'Sky' };
    const kitePurchase = (at: string, session_id: string) =>
      ev(at, {
        client_id: 'k1',
        session_id,
        event_name: 'purchase',
        attributes: { transaction_id: 'TK' },
        items: [
          { id: 'kite', brand: 'Sky', price: 30, quantity: 1 },
          { id: 'reel', brand: 'Sky', price: 5, quantity: 2 },
        ],
      });
    // 11-28: k1 views the kite (two contexts: with and without a category) and buys it.
    await insertEvents(client, [
      ev('2026-11-28T10:00:00Z', {
        client_id: 'k1',
        session_id: 'k1a',
        event_name: 'view_item',
        ...KITE,
      }),
      ev('2026-11-28T10:01:00Z', {
        client_id: 'k1',
        session_id: 'k1a',
        event_name: 'add_to_cart',
        ...KITE,
        context_product_category: 'outdoor',
      }),
      kitePurchase('2026-11-28T10:05:00Z', 'k1a'),
    ]);
    await rebuildDerived(client, { timeZone: 'UTC' });
    // Then a second session views the kite the same day, the purchase page is reloaded the
    // next day, and a late view of k1's session lands on 11-27 (its start moves there).
    await insertEvents(client, [
      ev('2026-11-28T18:00:00Z', {
        client_id: 'k2',
        session_id: 'k2a',
        event_name: 'view_item',
        ...KITE,
      }),
      kitePurchase('2026-11-29T08:00:00Z', 'k1b'),
      ev('2026-11-27T23:50:00Z', {
        client_id: 'k1',
        session_id: 'k1a',
        event_name: 'view_item',
        ...KITE,
      }),
    ]);
    await rebuildDerived(client, { timeZone: 'UTC' });
    const incremental = await rollupRows();
    const kite = await client.query(`SELECT to_char(day, 'MM-DD') AS day, views, add_to_carts,
        purchases, units::int FROM daily_products WHERE product_id = 'kite' ORDER BY day`);
    expect(kite.rows).toEqual([
      { day: '11-27', views: 1, add_to_carts: 0, purchases: 0, units: 0 },
      { day: '11-28', views: 2, add_to_carts: 1, purchases: 1, units: 1 },
    ]);
    const sky = await client.query(`SELECT to_char(day, 'MM-DD') AS day, views, purchases,
        units::int FROM daily_product_groups WHERE kind = 'brand' AND name = 'Sky' ORDER BY day`);
    // The transaction once for the brand, though two of its lines are Sky's.
    expect(sky.rows).toEqual([
      { day: '11-27', views: 1, purchases: 0, units: 0 },
      { day: '11-28', views: 2, purchases: 1, units: 3 },
    ]);
    await rebuildAll(client, { timeZone: 'UTC' });
    expect(await rollupRows()).toEqual(incremental);
  });

  it('keeps the user counts by delta: a count that falls to 0 goes, as a full rebuild has it', async () => {
    const counts = async (clientId: string) =>
      (
        await client.query(`SELECT f.dimension, f.scope, to_char(f.day, 'MM-DD') AS day,
            to_char(f.prev_day, 'MM-DD') AS prev, f.clients, f.events::int AS events
          FROM daily_first_counts f WHERE f.app_id = 'lone' AND f.dimension = 'users'
            AND f.scope = 'app' AND f.value = '' ORDER BY f.day, f.prev_day`)
      ).rows.map((row) => ({ ...row, clientId }));
    // One client alone in its app on 12-05 (no previous day), then a late event of the
    // session on 12-04: its 12-05 row gains a previous day, and the count without one ends.
    await insertEvents(client, [
      ev('2026-12-05T10:00:00Z', { app_id: 'lone', client_id: 'l1', session_id: 'l1a' }),
      ev('2026-12-05T10:00:30Z', { app_id: 'lone', client_id: 'l1', session_id: 'l1a' }),
    ]);
    await rebuildDerived(client, { timeZone: 'UTC' });
    expect(await counts('l1')).toEqual([
      {
        dimension: 'users',
        scope: 'app',
        day: '12-05',
        prev: null,
        clients: 1,
        events: 2,
        clientId: 'l1',
      },
    ]);
    await insertEvents(client, [
      ev('2026-12-04T23:59:00Z', { app_id: 'lone', client_id: 'l1', session_id: 'l1a' }),
    ]);
    await rebuildDerived(client, { timeZone: 'UTC' });
    const incremental = await rollupRows();
    expect(await counts('l1')).toEqual([
      {
        dimension: 'users',
        scope: 'app',
        day: '12-04',
        prev: null,
        clients: 1,
        events: 1,
        clientId: 'l1',
      },
      {
        dimension: 'users',
        scope: 'app',
        day: '12-05',
        prev: '12-04',
        clients: 1,
        events: 2,
        clientId: 'l1',
      },
    ]);
    const metrics = await client.query(`SELECT to_char(day, 'MM-DD') AS day, users, events,
        page_views FROM daily_metrics WHERE app_id = 'lone' ORDER BY day`);
    expect(metrics.rows).toEqual([
      { day: '12-04', users: 1, events: 1, page_views: 1 },
      { day: '12-05', users: 1, events: 2, page_views: 2 },
    ]);
    await rebuildAll(client, { timeZone: 'UTC' });
    expect(await rollupRows()).toEqual(incremental);
  });
});
