import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { runEtl } from '@clicktrail/etl-lambda';
import { LocalFolderStore, rawObjectKey } from '@clicktrail/raw-store';
import type { RawEvent } from '@clicktrail/sdk/schema';
import { rebuildAll } from '@clicktrail/warehouse';
import { createTestDatabase, type TestDatabase } from '@clicktrail/warehouse/testing';
import { createReader, type WarehouseReader } from '../db/reader.js';
import { BAD_LINE, fixtureEvents, REJECTED_LINES } from './fixture.js';

export interface FixtureWarehouse {
  db: TestDatabase;
  reader: WarehouseReader;
  close(): Promise<void>;
}

/**
 * A throwaway warehouse filled the way production fills it: the fixture written as raw
 * objects, loaded and derived by the real ETL run (in UTC, or cut again in `timeZone` by
 * `clicktrail-etl rebuild`'s `rebuildAll`). The dashboard then only reads it.
 */
export async function fixtureWarehouse(
  events: RawEvent[] | null = fixtureEvents(),
  options: { timeZone?: string } = {},
): Promise<FixtureWarehouse> {
  const db = await createTestDatabase();
  const dir = await mkdtemp(join(tmpdir(), 'clicktrail-dashboard-raw-'));
  const writer = await db.connect();
  try {
    const store = new LocalFolderStore(dir);
    if (events) {
      const lines = [...events.map((e) => JSON.stringify(e)), BAD_LINE];
      await store.put(rawObjectKey('events', Date.now()), gzipSync(lines.join('\n')));
      await store.put(rawObjectKey('rejected', Date.now()), gzipSync(REJECTED_LINES.join('\n')));
    }
    await runEtl(writer, store, { fullScan: true });
    if (options.timeZone) await rebuildAll(writer, { timeZone: options.timeZone });
  } finally {
    await writer.end();
    await rm(dir, { recursive: true, force: true });
  }
  const reader = createReader({
    connect: db.connect,
    maxConnections: db.kind === 'server' ? 4 : 1,
  });
  return {
    db,
    reader,
    async close() {
      await reader.close();
      await db.drop();
    },
  };
}
