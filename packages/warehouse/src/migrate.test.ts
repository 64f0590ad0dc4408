import type pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from './migrate.js';
import { MIGRATIONS } from './migrations/index.js';
import { EVENT_COLUMNS } from './tables/clickstream-events.js';
import { DAILY_METRICS_COLUMNS, SESSION_COLUMNS } from './tables/derived.js';
import { TABLES } from './tables/names.js';
import { createTestDatabase, type TestDatabase } from './testing/test-database.js';

let db: TestDatabase;
let client: pg.Client;
beforeEach(async () => {
  db = await createTestDatabase();
  client = await db.connect();
});
afterEach(async () => {
  await client.end();
  await db.drop();
});

async function columnsOf(table: string): Promise<string[]> {
  const result = await client.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
    [table],
  );
  return result.rows.map((row) => row.column_name);
}

describe('migrate', () => {
  it('applies every migration once, in order, and nothing on a second run', async () => {
    const first = await migrate(client);
    expect(first.applied).toEqual(MIGRATIONS.map((m) => m.version));
    const second = await migrate(client);
    expect(second).toEqual({ applied: [], version: first.version });
  });

  it('creates every table TABLES names', async () => {
    await migrate(client);
    const result = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()`,
    );
    const tables = result.rows.map((row) => row.table_name);
    for (const table of Object.values(TABLES)) expect(tables).toContain(table);
  });

  it('gives the tables exactly the columns the exported lists name', async () => {
    await migrate(client);
    const events = await columnsOf(TABLES.events);
    // Columns added later come after `loaded_at`; the loader's list skips only `loaded_at`.
    expect(events.filter((c) => c !== 'loaded_at')).toEqual([...EVENT_COLUMNS]);
    expect(await columnsOf(TABLES.sessions)).toEqual([...SESSION_COLUMNS]);
    expect(await columnsOf(TABLES.dailyMetrics)).toEqual([...DAILY_METRICS_COLUMNS]);
  });

  it('lets two migrators race without applying anything twice', async () => {
    const other = await db.connect();
    try {
      const [a, b] = await Promise.all([migrate(client), migrate(other)]);
      expect([...a.applied, ...b.applied].sort((x, y) => x - y)).toEqual(
        MIGRATIONS.map((m) => m.version),
      );
    } finally {
      await other.end();
    }
  });
});
