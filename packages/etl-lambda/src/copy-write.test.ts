import type { RawObject } from '@clicktrail/raw-store';
import { migrate } from '@clicktrail/warehouse';
import { createTestDatabase, type TestDatabase } from '@clicktrail/warehouse/testing';
import type pg from 'pg';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { INSERT_STAGED } from './batch-sql.js';
import { loadGroup } from './load-group.js';
import { COPY_METHOD } from './load-method.js';
import { putObject, rawEvent, tempStore } from './test-support/fixtures.js';

const NOON = Date.UTC(2026, 10, 20, 12, 0, 0);

const ledger = async (client: pg.Client) =>
  (
    await client.query(
      `SELECT substring(object_key from '[^-]+$') AS key, rows_loaded, duplicates
       FROM etl_loaded_objects ORDER BY object_key`,
    )
  ).rows;

const sourcesOf = async (client: pg.Client) =>
  (
    await client.query<{ event_id: string; source: string }>(
      `SELECT event_id, substring(source_object from '[^-]+$') AS source FROM clickstream_events
       ORDER BY event_id`,
    )
  ).rows;

async function listed(store: Awaited<ReturnType<typeof tempStore>>): Promise<RawObject[]> {
  const objects: RawObject[] = [];
  for await (const object of store.list('events/')) objects.push(object);
  return objects;
}

// The COPY method writes new rows straight into clickstream_events; these pin down that
// nothing is lost or doubled on the way, and that the dirty-session trigger still fires.
describe.skipIf(!process.env.DATABASE_URL)('COPY method, straight into the table', () => {
  let db: TestDatabase;
  let client: pg.Client;
  beforeEach(async () => {
    db = await createTestDatabase();
    client = await db.connect();
    await migrate(client);
  });
  afterEach(async () => {
    await client.end();
    await db.drop();
  });

  it.each([
    ['one batch', 1_000],
    ['batches of two rows', 2],
  ])('keeps one row per event and exact per-object counts (%s)', async (_, batchRows) => {
    const store = await tempStore();
    const [a, b, c, d] = [rawEvent(), rawEvent(), rawEvent(), rawEvent()];
    // Repeated inside an object, across objects, and inside the same batch.
    await putObject(store, NOON - 120_000, [a, b, a, c], 'dupe00000001');
    await putObject(store, NOON - 60_000, [c, d, b, d], 'dupe00000002');
    const result = await loadGroup(client, store, await listed(store), {
      runId: 'r',
      method: COPY_METHOD,
      batchRows,
    });
    expect(result).toMatchObject({ rows: 8, loaded: 4, duplicates: 4 });
    expect(await ledger(client)).toEqual([
      { key: 'dupe00000001.ndjson.gz', rows_loaded: 3, duplicates: 1 },
      { key: 'dupe00000002.ndjson.gz', rows_loaded: 1, duplicates: 3 },
    ]);
    // The first occurrence wins, as with INSERT … ON CONFLICT DO NOTHING.
    const sources = Object.fromEntries(
      (await sourcesOf(client)).map((r) => [r.event_id, r.source]),
    );
    expect(sources).toEqual({
      [a.event_id]: 'dupe00000001.ndjson.gz',
      [b.event_id]: 'dupe00000001.ndjson.gz',
      [c.event_id]: 'dupe00000001.ndjson.gz',
      [d.event_id]: 'dupe00000002.ndjson.gz',
    });
  });

  it('skips events already in the table and counts them as duplicates', async () => {
    const store = await tempStore();
    const [a, b, c] = [rawEvent(), rawEvent(), rawEvent()];
    await putObject(store, NOON - 120_000, [a, b], 'have00000001');
    await loadGroup(client, store, await listed(store), { runId: 'r1', method: COPY_METHOD });
    const second = await putObject(store, NOON - 60_000, [b, c, a], 'have00000002');
    const objects = (await listed(store)).filter((object) => object.key === second);
    const result = await loadGroup(client, store, objects, { runId: 'r2', method: COPY_METHOD });
    expect(result).toMatchObject({ rows: 3, loaded: 1, duplicates: 2 });
    expect(await ledger(client)).toEqual([
      { key: 'have00000001.ndjson.gz', rows_loaded: 2, duplicates: 0 },
      { key: 'have00000002.ndjson.gz', rows_loaded: 1, duplicates: 2 },
    ]);
    expect(await sourcesOf(client)).toHaveLength(3);
  });

  it('falls back to the stage when a concurrent insert of the same event commits mid-COPY', async () => {
    const store = await tempStore();
    const [a, b, c] = [rawEvent(), rawEvent(), rawEvent()];
    await putObject(store, NOON - 60_000, [a, b, c], 'race00000001');
    // Another writer (not a loader: the run lock would keep one out) inserts b, uncommitted.
    const other = await db.connect();
    const query = vi.spyOn(client, 'query');
    try {
      await other.query('BEGIN');
      await other.query(
        `INSERT INTO clickstream_events SELECT * FROM json_populate_record(NULL::clickstream_events,
           json_build_object('event_id', $1::text, 'event_timestamp', now(), 'event_name', 'x',
             'user_login_state', 'logged_out', 'client_id', 'c', 'session_id', 's',
             'is_first_visit', false, 'app_id', 'shop', 'session_number', 1,
             'device_timestamp', now(), 'received_at', now(), 'clock_skew_ms', 0,
             'request_id', 'r', 'raw_version', 1, 'attributes', '{}'::json,
             'source_object', 'elsewhere', 'items', '[]'::json, 'loaded_at', now()))`,
        [b.event_id],
      );
      const pid = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!
        .pid;
      const loading = loadGroup(client, store, await listed(store), {
        runId: 'r',
        method: COPY_METHOD,
      });
      // The loader's lookup cannot see b, so its COPY waits on the other transaction's row.
      for (let waited = 0; ; waited += 1) {
        const waiting = await other.query(`SELECT 1 FROM pg_locks WHERE pid = $1 AND NOT granted`, [
          pid,
        ]);
        if (waiting.rowCount) break;
        if (waited > 200) throw new Error('the loader never waited on the concurrent insert');
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      await other.query('COMMIT');
      const result = await loading;
      expect(result).toMatchObject({ rows: 3, loaded: 2, duplicates: 1 });
    } finally {
      await other.end();
    }
    expect(query.mock.calls.some(([sql]) => sql === INSERT_STAGED)).toBe(true);
    expect(await ledger(client)).toEqual([
      { key: 'race00000001.ndjson.gz', rows_loaded: 2, duplicates: 1 },
    ]);
    const sources = Object.fromEntries(
      (await sourcesOf(client)).map((r) => [r.event_id, r.source]),
    );
    expect(sources[b.event_id]).toBe('elsewhere');
    expect(sources[a.event_id]).toBe('race00000001.ndjson.gz');
    expect(sources[c.event_id]).toBe('race00000001.ndjson.gz');
  });

  it('marks the sessions of the rows it copies dirty, through the insert trigger', async () => {
    const store = await tempStore();
    const events = [
      rawEvent({ session_id: 'session-one' }),
      rawEvent({ session_id: 'session-two' }),
      rawEvent({ session_id: 'session-two' }),
    ];
    await putObject(store, NOON - 60_000, events, 'dirt00000001');
    await loadGroup(client, store, await listed(store), {
      runId: 'r',
      method: COPY_METHOD,
      batchRows: 2,
    });
    const dirty = await client.query(
      'SELECT client_id, session_id FROM derive_dirty_sessions ORDER BY session_id',
    );
    expect(dirty.rows).toEqual([
      { client_id: 'client-a', session_id: 'session-one' },
      { client_id: 'client-a', session_id: 'session-two' },
    ]);
  });
});
