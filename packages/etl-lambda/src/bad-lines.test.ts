import { constants, gunzipSync, gzipSync } from 'node:zlib';
import type { LocalFolderStore } from '@clicktrail/raw-store';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { runEtl } from './run.js';
import { storableText } from './storable-text.js';
import { ndjson, putObject, rawEvent } from './test-support/fixtures.js';
import { useTestWarehouse } from './test-support/test-warehouse.js';

const NOON = Date.UTC(2026, 10, 20, 12, 0, 0);
const now = () => NOON;

let client: pg.Client;
let store: LocalFolderStore;
useTestWarehouse((fresh) => {
  ({ client, store } = fresh);
});

const count = async (sql = 'SELECT count(*) AS n FROM clickstream_events') =>
  Number((await client.query<{ n: string }>(sql)).rows[0]?.n);
const quarantined = async () =>
  (
    await client.query<{ line_number: number; reason: string; excerpt: string }>(
      'SELECT line_number, reason, excerpt FROM etl_quarantine ORDER BY object_key, line_number',
    )
  ).rows;

describe('one bad line never stops the ETL', () => {
  it('loads 2,512 good events after a public POST with sent_at 0 and an emoji title', async () => {
    // The object as ingest wrote it before it refused sent_at 0: lines the schema refuses,
    // whose 1,000-character excerpts cut an emoji (runs at an odd and an even offset).
    const title = (pad: string) => `${pad}${'🛒'.repeat(499)}`;
    const reported = [title('a'), title('ab')].map((page_title) =>
      rawEvent({ sent_at: 0, clock_skew_ms: 0, page_title }),
    );
    await putObject(store, NOON - 600_000, reported, 'reported0000');
    for (const [i, size] of [500, 500, 500, 500, 500, 12].entries()) {
      const events = Array.from({ length: size }, () => rawEvent());
      await putObject(store, NOON - 500_000 + i, events, `good${String(i).padStart(8, '0')}`);
    }
    const first = await runEtl(client, store, { now });
    const second = await runEtl(client, store, { now });
    expect(first).toMatchObject({ status: 'done', rows_loaded: 2_512, quarantined: 2 });
    expect(await count()).toBe(2_512);
    expect(second).toMatchObject({ status: 'done', objects: 0 });
    const rows = await quarantined();
    expect(rows[0]?.reason).toMatch(/^schema: sent_at/);
    for (const row of rows) {
      expect([storableText(row.excerpt), storableText(row.reason)]).toEqual([
        row.excerpt,
        row.reason,
      ]);
    }
  });

  it('quarantines lines whose reason or excerpt PostgreSQL would refuse, and loads the rest', async () => {
    const good = [rawEvent(), rawEvent(), rawEvent()];
    const lonePairInExcerpt = JSON.stringify({
      ...rawEvent(),
      event_name: 'bad name!',
      page_title: `${'x'.repeat(990)}${'🛒'.repeat(20)}`,
    });
    const surrogateInParserMessage = '{"event_id": 🛒}';
    const nulInLine = `{"event_id": "\u0000 not json`;
    await putObject(
      store,
      NOON - 60_000,
      [good[0]!, lonePairInExcerpt, surrogateInParserMessage, good[1]!, nulInLine, good[2]!],
      'bad000000001',
    );
    const summary = await runEtl(client, store, { now });
    expect(summary).toMatchObject({ status: 'done', rows_loaded: 3, quarantined: 3 });
    const rows = await quarantined();
    expect(rows.map((row) => row.line_number)).toEqual([2, 3, 5]);
    expect(rows[0]?.excerpt.length).toBeLessThanOrEqual(1_000);
    expect(rows[1]?.reason).toMatch(/^not JSON: Unexpected token/);
    expect(rows[2]?.excerpt).toMatch(/^\{"event_id": "\uFFFD not json/);
  });

  it('quarantines a row the server refuses after every check passed, and loads its batch', async () => {
    await runEtl(client, store, { now });
    // A constraint stands in for a value the checks do not know PostgreSQL refuses.
    await client.query(
      "ALTER TABLE clickstream_events ADD CONSTRAINT no_evil CHECK (page_title <> 'evil')",
    );
    const events = Array.from({ length: 40 }, (_, i) =>
      rawEvent({ page_title: i === 7 || i === 31 ? 'evil' : 'fine' }),
    );
    await putObject(store, NOON - 60_000, events.slice(0, 20), 'refused00001');
    await putObject(store, NOON - 50_000, events.slice(20), 'refused00002');
    const summary = await runEtl(client, store, { now, batchRows: 16 });
    expect(summary).toMatchObject({ status: 'done', objects: 2, rows_loaded: 38, quarantined: 2 });
    const rows = await quarantined();
    expect(rows.map((row) => row.line_number)).toEqual([8, 12]);
    expect(rows[0]?.reason).toMatch(/^refused by PostgreSQL: .*no_evil/);
    const ledger = await client.query(
      'SELECT rows_loaded, quarantined FROM etl_loaded_objects ORDER BY object_key',
    );
    expect(ledger.rows).toEqual([
      { rows_loaded: 19, quarantined: 1 },
      { rows_loaded: 19, quarantined: 1 },
    ]);
  });

  it('quarantines a NUL in the unreadable tail of a truncated gzip', async () => {
    const events = Array.from({ length: 60 }, () =>
      rawEvent({ attributes: { pad: 'y'.repeat(200) } }),
    );
    const text = `${ndjson(events)}\n{"event_id":"\u0000\u0000\u0000${'z'.repeat(5_000)}`;
    const whole = gzipSync(text);
    await store.put(
      'events/2026/11/20/20261120T115900000Z-nultail00000.ndjson.gz',
      whole.subarray(0, whole.length - 12),
    );
    const summary = await runEtl(client, store, { now });
    expect(summary).toMatchObject({ status: 'done', rows_loaded: 60, quarantined: 1 });
    const [tail] = await quarantined();
    expect(tail).toMatchObject({ line_number: 61, reason: 'gzip: unexpected end of file' });
    expect(tail?.excerpt).toMatch(/^\{"event_id":"\uFFFD\uFFFD\uFFFDzzz/);
  });

  it('loads every line that decoded before a truncated gzip ends, and quarantines the tail', async () => {
    const events = Array.from({ length: 400 }, () =>
      rawEvent({ attributes: { pad: 'x'.repeat(300) } }),
    );
    const whole = gzipSync(ndjson(events));
    const cut = whole.subarray(0, Math.floor(whole.length * 0.6));
    // What a decoder can read of the cut object: complete lines, then a partial one.
    const readable = gunzipPrefix(cut).split('\n');
    await store.put('events/2026/11/20/20261120T115900000Z-truncated000.ndjson.gz', cut);
    const summary = await runEtl(client, store, { now });
    expect(summary.rows_loaded).toBe(readable.length - 1);
    expect(summary.quarantined).toBe(1);
    expect((await quarantined())[0]).toMatchObject({
      line_number: readable.length,
      reason: 'gzip: unexpected end of file',
      excerpt: readable.at(-1)!.slice(0, 1_000),
    });
  });
});

/** What a decoder can read of a cut gzip: Z_SYNC_FLUSH at the end decodes it without complaining. */
const gunzipPrefix = (buffer: Buffer): string =>
  gunzipSync(buffer, { finishFlush: constants.Z_SYNC_FLUSH }).toString('utf8');
