import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { LocalFolderStore } from '@clicktrail/raw-store';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { runEtl } from './run.js';
import { ndjson, putObject, rawEvent } from './test-support/fixtures.js';
import { useTestWarehouse } from './test-support/test-warehouse.js';

const NOON = Date.UTC(2026, 10, 20, 12, 0, 0);
const now = () => NOON;

let client: pg.Client;
let store: LocalFolderStore;
useTestWarehouse((fresh) => {
  ({ client, store } = fresh);
});

/** Writes a file under the store's folder directly, as a stray tool or a person might. */
async function writeRaw(key: string): Promise<void> {
  const path = join(store.location, ...key.split('/'));
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, gzipSync(ndjson([rawEvent()])));
}

describe('odd keys', () => {
  it('skips and reports keys that are no raw object key, and loads the others', async () => {
    await putObject(store, NOON - 60_000, [rawEvent(), rawEvent()], 'good00000001');
    const odd = [
      'events/2026/02/30/20260230T101010000Z-aaaaaaaaaaaa.ndjson.gz',
      'events/9999/99/99/99999999T999999999Z-aaaaaaaaaaaa.ndjson.gz',
      'events/0000/01/01/00000101T000000000Z-aaaaaaaaaaaa.ndjson.gz',
      'events/2026/11/20/back\\slash.ndjson.gz',
    ];
    for (const key of odd) await writeRaw(key);
    const first = await runEtl(client, store, { now, fullScan: true });
    const second = await runEtl(client, store, { now });
    expect(first).toMatchObject({ status: 'done', objects: 1, rows_loaded: 2, skipped_keys: 4 });
    expect(first.skipped_key_samples.map((sample) => sample.key).sort()).toEqual([...odd].sort());
    expect(first.skipped_key_samples[0]?.reason).toMatch(/expected events\/YYYY\/MM\/DD/);
    expect(second).toMatchObject({ status: 'done', objects: 0, skipped_keys: 1 });
  });
});
