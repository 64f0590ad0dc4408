import { once } from 'node:events';
import { migrate } from '@clicktrail/warehouse';
import { createTestDatabase, type TestDatabase } from '@clicktrail/warehouse/testing';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadGroup } from './load-group.js';
import { COPY_METHOD, type LoadMethod } from './load-method.js';
import { runEtl } from './run.js';
import { putObject, rawEvent, tempStore } from './test-support/fixtures.js';

const NOON = Date.UTC(2026, 10, 20, 12, 0, 0);
const now = () => NOON;
const TITLE = 'tab\there, back\\slash, new\nline, cr\r, \\N, 😀 ü 中 \u2028';

const events = [
  rawEvent({ page_title: TITLE, user_agent: '\\', page_referrer: null, user_id: null }),
  rawEvent({
    product: { id: 'p\t1', name: 'Mug "big"', price: 12.5, discount_price: null },
    attributes: { note: 'a\\b\t"c"\n😀', n: 3.25, ok: true, none: null },
  }),
  rawEvent({ sent_at: null, sdk_version: null, identity_source: null, client_ip: null }),
];

const rowsOf = async (client: pg.Client) =>
  (
    await client.query<{ row: unknown }>(
      `SELECT to_jsonb(e) - 'loaded_at' AS row FROM clickstream_events e ORDER BY event_id`,
    )
  ).rows.map((r) => r.row);

// COPY FROM STDIN needs a PostgreSQL server; embedded PGlite always takes the JSON path.
describe.skipIf(!process.env.DATABASE_URL)('COPY load method (real server)', () => {
  const dbs: TestDatabase[] = [];
  const clients: pg.Client[] = [];
  beforeEach(async () => {
    for (let i = 0; i < 2; i += 1) {
      dbs[i] = await createTestDatabase();
      clients[i] = await dbs[i]!.connect();
    }
  });
  afterEach(async () => {
    for (const client of clients) await client.end();
    for (const db of dbs) await db.drop();
  });

  it('stores tabs, backslashes, newlines, unicode, NULLs and jsonb as the JSON path does', async () => {
    const store = await tempStore();
    const lines = [
      ...events,
      events[0]!,
      'not json',
      JSON.stringify({ ...rawEvent(), app_id: '' }),
    ];
    await putObject(store, NOON - 60_000, lines, 'copy00000001');
    const [json, copy] = [clients[0]!, clients[1]!];
    const viaJson = await runEtl(json, store, { now, loadMethod: 'json' });
    const viaCopy = await runEtl(copy, store, { now, loadMethod: 'copy', batchRows: 2 });
    const counts = { rows_loaded: 3, duplicates: 1, quarantined: 2 };
    expect(viaJson).toMatchObject(counts);
    expect(viaCopy).toMatchObject(counts);
    expect(await rowsOf(copy)).toEqual(await rowsOf(json));
    const stored = await copy.query<{ page_title: string; note: string }>(
      `SELECT page_title, attributes->>'note' AS note FROM clickstream_events
       WHERE page_title IS NOT NULL ORDER BY event_id`,
    );
    expect(stored.rows[0]?.page_title).toBe(TITLE);
    const ledger = await copy.query(
      'SELECT rows_loaded, duplicates, quarantined FROM etl_loaded_objects',
    );
    expect(ledger.rows).toEqual([{ rows_loaded: 3, duplicates: 1, quarantined: 2 }]);
  });

  it('skips events already loaded, and a rerun adds nothing', async () => {
    const copy = clients[1]!;
    const store = await tempStore();
    await putObject(store, NOON - 120_000, events.slice(0, 2), 'copy00000002');
    await runEtl(copy, store, { now, loadMethod: 'copy' });
    await putObject(store, NOON - 60_000, [...events, events[2]!], 'copy00000003');
    const second = await runEtl(copy, store, { now, loadMethod: 'copy' });
    expect(second).toMatchObject({ objects: 1, rows_loaded: 1, duplicates: 3 });
    const third = await runEtl(copy, store, { now, loadMethod: 'copy' });
    expect(third).toMatchObject({ objects: 0, rows_loaded: 0 });
    expect(await rowsOf(copy)).toHaveLength(3);
  });

  it('quarantines rows a COPY refuses mid-stream and keeps the connection usable', async () => {
    const copy = clients[1]!;
    const store = await tempStore();
    await putObject(store, NOON - 60_000, events, 'copy00000004');
    await migrate(copy);
    const objects = [];
    for await (const object of store.list('events/')) objects.push(object);
    // A row with too few columns: the server fails the COPY mid-stream.
    const broken = {
      ...COPY_METHOD,
      parse: () => ({ ok: true as const, text: 'x\n', day: '2026-11-20' }),
    };
    const result = await loadGroup(copy, store, objects, { runId: 'r', method: broken });
    expect(result).toMatchObject({ objects: 1, loaded: 0, quarantined: 3 });
    const reasons = await copy.query<{ reason: string }>('SELECT reason FROM etl_quarantine');
    expect(reasons.rows[0]?.reason).toMatch(/^refused by PostgreSQL: missing data/);
  });

  it('rolls a group back when the COPY fails for a reason no row caused, and a rerun loads it whole', async () => {
    const copy = clients[1]!;
    const store = await tempStore();
    await putObject(store, NOON - 60_000, events, 'copy00000005');
    await migrate(copy);
    const objects = [];
    for await (const object of store.list('events/')) objects.push(object);
    const broken: LoadMethod = {
      ...COPY_METHOD,
      async write(client, rows) {
        const stream = client.query(
          copyFrom('COPY clickstream_events (no_such_column) FROM STDIN'),
        );
        stream.end(rows.texts.join(''));
        await once(stream, 'finish');
        return [];
      },
    };
    await expect(loadGroup(copy, store, objects, { runId: 'r', method: broken })).rejects.toThrow(
      /no_such_column/,
    );
    const ledger = await copy.query('SELECT count(*)::int AS n FROM etl_loaded_objects');
    expect(ledger.rows[0]).toEqual({ n: 0 });
    expect(await runEtl(copy, store, { now })).toMatchObject({ objects: 1, rows_loaded: 3 });
    expect(await rowsOf(copy)).toHaveLength(3);
  });
});
