import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertEvents, testEventRow } from '../testing/insert-events.js';
import { createMigratedTestDatabase } from '../testing/migrated.js';
import type { TestDatabase } from '../testing/test-database.js';
import { rebuildDerived } from './derive.js';

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

const purchase = (at: string, more: Parameters<typeof testEventRow>[0] = {}) =>
  testEventRow({ event_name: 'purchase', event_timestamp: at, ...more });

describe('purchases', () => {
  it('counts one purchase per transaction, with its value, currency and lines', async () => {
    await insertEvents(client, [
      // T1, recorded twice: the confirmation page was reloaded (another session, later).
      purchase('2026-11-20T10:00:00Z', {
        attributes: { transaction_id: 'T1', value: 42.5, currency: 'EUR' },
        items: [{ id: 'mug', price: 12.5, quantity: 2 }],
      }),
      purchase('2026-11-20T10:05:00Z', {
        session_id: 'session-b',
        attributes: { transaction_id: 'T1', value: 42.5, currency: 'EUR' },
        items: [{ id: 'mug', price: 12.5, quantity: 2 }],
      }),
      // No transaction_id, no value: its items give it, 10 x 2 + 4 x 1 = 24.
      purchase('2026-11-20T11:00:00Z', {
        event_id: 'evt_no_transaction_1',
        items: [
          { id: 'a', price: 10, quantity: 2 },
          { id: 'b', price: 5, discount_price: 4 },
        ],
      }),
      // Neither: the product context's price, 12.5.
      purchase('2026-11-20T12:00:00Z', {
        event_id: 'evt_product_only_1',
        context_product_id: 'p1',
        context_product_price: 12.5,
      }),
    ]);
    await rebuildDerived(client, { timeZone: 'UTC' });
    const rows = await client.query(`SELECT transaction_key, transaction_id,
        value::float AS value, currency, item_lines, recorded, session_id FROM purchases
        ORDER BY purchased_at`);
    expect(rows.rows).toEqual([
      {
        transaction_key: 'T1',
        transaction_id: 'T1',
        value: 42.5,
        currency: 'EUR',
        item_lines: 1,
        recorded: 2,
        session_id: 'session-a',
      },
      {
        transaction_key: 'evt_no_transaction_1',
        transaction_id: null,
        value: 24,
        currency: null,
        item_lines: 2,
        recorded: 1,
        session_id: 'session-a',
      },
      {
        transaction_key: 'evt_product_only_1',
        transaction_id: null,
        value: 12.5,
        currency: null,
        item_lines: 0,
        recorded: 1,
        session_id: 'session-a',
      },
    ]);
    const lines = await client.query(`SELECT transaction_key, line, product_id,
        price::float AS price, discount_price::float AS discount_price, quantity
        FROM purchase_items ORDER BY product_id`);
    expect(lines.rows).toEqual([
      {
        transaction_key: 'evt_no_transaction_1',
        line: 1,
        product_id: 'a',
        price: 10,
        discount_price: null,
        quantity: 2,
      },
      {
        transaction_key: 'evt_no_transaction_1',
        line: 2,
        product_id: 'b',
        price: 5,
        discount_price: 4,
        quantity: 1,
      },
      {
        transaction_key: 'T1',
        line: 1,
        product_id: 'mug',
        price: 12.5,
        discount_price: null,
        quantity: 2,
      },
    ]);
    // 42.5 + 24 + 12.5 = 79 over 3 purchases; session-a converted 3 times, session-b once.
    const day = await client.query(`SELECT purchases, revenue::float AS revenue, sessions
      FROM daily_metrics WHERE day = '2026-11-20'`);
    expect(day.rows).toEqual([{ purchases: 3, revenue: 79, sessions: 2 }]);
    const conversions = await client.query(
      `SELECT session_id, conversions FROM sessions ORDER BY session_id`,
    );
    expect(conversions.rows).toEqual([
      { session_id: 'session-a', conversions: 3 },
      { session_id: 'session-b', conversions: 1 },
    ]);
  });

  it('moves a purchase to the day of its earliest copy, and the day it left loses it', async () => {
    await insertEvents(client, [
      purchase('2026-11-22T09:00:00Z', {
        session_id: 'late-1',
        attributes: { transaction_id: 'T9', value: 10 },
      }),
    ]);
    await rebuildDerived(client, { timeZone: 'UTC' });
    await insertEvents(client, [
      purchase('2026-11-21T23:00:00Z', {
        session_id: 'late-0',
        attributes: { transaction_id: 'T9', value: 10 },
      }),
    ]);
    await rebuildDerived(client, { timeZone: 'UTC' });
    const days = await client.query(`SELECT to_char(day, 'YYYY-MM-DD') AS day, purchases,
      revenue::float AS revenue FROM daily_metrics WHERE day > '2026-11-20' ORDER BY day`);
    expect(days.rows).toEqual([
      { day: '2026-11-21', purchases: 1, revenue: 10 },
      { day: '2026-11-22', purchases: 0, revenue: 0 },
    ]);
  });
});
