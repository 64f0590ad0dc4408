import { gzipSync } from 'node:zlib';
import type { LocalFolderStore } from '@clicktrail/raw-store';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { runEtl } from './run.js';
import { ndjson, putObject, rawEvent } from './test-support/fixtures.js';
import { useTestWarehouse } from './test-support/test-warehouse.js';

const NOON = Date.UTC(2026, 10, 20, 12, 0, 0);
const now = () => NOON;
const KEY = 'events/2026/11/20/20261120T115900000Z-broken000000.ndjson.gz';

let client: pg.Client;
let store: LocalFolderStore;
useTestWarehouse((fresh) => {
  ({ client, store } = fresh);
});

const quarantined = async () =>
  (
    await client.query<{ line_number: number; reason: string; excerpt: string }>(
      'SELECT line_number, reason, excerpt FROM etl_quarantine ORDER BY object_key, line_number',
    )
  ).rows;

describe('quarantine', () => {
  it('keeps schema-failing, truncated and unstorable lines aside and loads the rest', async () => {
    const good = [rawEvent(), rawEvent()];
    const badName = JSON.stringify({ ...rawEvent(), event_name: 'bad name!' });
    const truncated = JSON.stringify(rawEvent()).slice(0, 60);
    const nul = rawEvent({ page_title: 'a\u0000b' });
    await putObject(store, NOON - 60_000, [good[0]!, badName, truncated, nul, good[1]!], 'q1');
    const summary = await runEtl(client, store, { now });
    expect(summary).toMatchObject({ rows_loaded: 2, quarantined: 3 });
    const rows = await quarantined();
    expect(rows.map((row) => row.line_number)).toEqual([2, 3, 4]);
    expect(rows[0]?.reason).toMatch(/^schema: event_name/);
    expect(rows[1]?.reason).toMatch(/^not JSON/);
    expect(rows[1]?.excerpt).toBe(truncated);
    expect(rows[2]?.reason).toMatch(/NUL/);
  });

  it('quarantines the unreadable tail of a truncated gzip and loads what decoded', async () => {
    const events = Array.from({ length: 400 }, () =>
      rawEvent({ attributes: { pad: 'x'.repeat(300) } }),
    );
    const whole = gzipSync(ndjson(events));
    await store.put(KEY, whole.subarray(0, Math.floor(whole.length * 0.6)));
    const summary = await runEtl(client, store, { now });
    const rows = await quarantined();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.reason).toMatch(/^gzip: unexpected end of file/);
    expect(summary.rows_loaded).toBeGreaterThan(0);
    expect(summary.rows_loaded + summary.quarantined).toBeLessThanOrEqual(400);
  });

  it('quarantines an object that is not gzip at all, once', async () => {
    await store.put(KEY, Buffer.from('{"this":"is not gzip"}\n'));
    const first = await runEtl(client, store, { now });
    const second = await runEtl(client, store, { now, fullScan: true });
    expect(first).toMatchObject({ objects: 1, rows_loaded: 0, quarantined: 1 });
    expect(second.objects).toBe(0);
    expect((await quarantined())[0]?.reason).toMatch(/^gzip: incorrect header check/);
  });
});
