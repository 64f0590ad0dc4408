import { gzipSync } from 'node:zlib';
import type { LocalFolderStore } from '@clicktrail/raw-store';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { runEtl } from './run.js';
import { putObject, rawEvent } from './test-support/fixtures.js';
import { useTestWarehouse } from './test-support/test-warehouse.js';

const NOON = Date.UTC(2026, 10, 20, 12, 0, 0);
const now = () => NOON;
const REJECTED = 'rejected/2026/11/20/20261120T115900000Z-refused00000.ndjson.gz';

let client: pg.Client;
let store: LocalFolderStore;
useTestWarehouse((fresh) => {
  ({ client, store } = fresh);
});

/** What ingest writes for a batch with two refused events and one dropped attribute. */
const refusedLines = [
  { kind: 'event', index: 0, event_id: null, reason: 'event_name: expected snake_case' },
  { kind: 'event', index: 2, event_id: 'abcdefghijklmnop', reason: 'client_id: missing' },
  { kind: 'attribute', index: 1, name: 'huge', reason: 'value over 1,024 characters' },
].map((line) => JSON.stringify({ raw_version: 1, received_at: NOON - 60_000, ...line }));

const counted = async () =>
  (
    await client.query<{ object_key: string; events: number; attributes: number }>(
      'SELECT object_key, events, attributes FROM etl_rejected_objects ORDER BY object_key',
    )
  ).rows;

describe('refused events', () => {
  it('counts the refused events of each rejected/ object once, however often the ETL runs', async () => {
    await putObject(store, NOON - 60_000, [rawEvent()], 'ok');
    await store.put(REJECTED, gzipSync(`${refusedLines.join('\n')}\n`));
    const first = await runEtl(client, store, { now });
    expect(first).toMatchObject({ rows_loaded: 1, rejected_events: 2 });
    expect(await counted()).toEqual([{ object_key: REJECTED, events: 2, attributes: 1 }]);
    const again = await runEtl(client, store, { now, fullScan: true });
    expect(again.rejected_events).toBe(0);
    expect(await counted()).toHaveLength(1);
  });

  it('finds rejected/ objects of a day without any accepted event', async () => {
    await store.put(REJECTED, gzipSync(`${refusedLines[0]}\n`));
    expect((await runEtl(client, store, { now })).rejected_events).toBe(1);
  });
});
