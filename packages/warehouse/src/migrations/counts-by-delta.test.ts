import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildAll, rebuildDerived } from '../derive/derive.js';
import { migrate } from '../migrate.js';
import { insertEvents, testEventRow } from '../testing/insert-events.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { MIGRATIONS } from './index.js';

let db: TestDatabase;
let client: pg.Client;
beforeAll(async () => {
  db = await createTestDatabase();
  client = await db.connect();
});
afterAll(async () => {
  await client.end();
  await db.drop();
});

const COUNTS = [
  'daily_first_counts',
  'daily_cohort_counts',
  'daily_session_totals',
  'daily_session_values',
] as const;
const rowsOf = async (table: string) =>
  (await client.query(`SELECT * FROM ${table}`)).rows.map((row) => JSON.stringify(row)).sort();

describe('migration 31: counts kept by delta', () => {
  it('starts the counts afresh, so a warehouse derived before it ends where a rebuild does', async () => {
    await migrate(
      client,
      MIGRATIONS.filter((m) => m.version < 31),
    );
    await insertEvents(client, [
      testEventRow({ event_timestamp: '2026-11-20T10:00:00Z', event_name: 'first_visit' }),
      testEventRow({ event_timestamp: '2026-11-21T10:00:00Z', session_id: 's2' }),
    ]);
    await rebuildDerived(client, { timeZone: 'UTC' });
    // As a warehouse whose counts were created empty beside rows already derived (the
    // tables of migrations 12, 13 and 16 were): a delta on top of them would be wrong.
    for (const table of COUNTS) await client.query(`DELETE FROM ${table}`);
    expect((await migrate(client)).applied).toEqual([31]);
    await insertEvents(client, [
      testEventRow({ event_timestamp: '2026-11-21T11:00:00Z', session_id: 's3' }),
    ]);
    await rebuildDerived(client, { timeZone: 'UTC' });
    const derived = Object.fromEntries(
      await Promise.all(COUNTS.map(async (t) => [t, await rowsOf(t)] as const)),
    );
    expect(derived.daily_session_totals).toHaveLength(2);
    await rebuildAll(client, { timeZone: 'UTC' });
    for (const table of COUNTS) expect(await rowsOf(table)).toEqual(derived[table]);
  });
});
