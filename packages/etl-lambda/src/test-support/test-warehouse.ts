import type { LocalFolderStore } from '@clicktrail/raw-store';
import { createTestDatabase, type TestDatabase } from '@clicktrail/warehouse/testing';
import type pg from 'pg';
import { afterEach, beforeEach } from 'vitest';
import { tempStore } from './fixtures.js';

export interface TestWarehouse {
  /** For tests that need a second connection. */
  db: TestDatabase;
  client: pg.Client;
  store: LocalFolderStore;
}

/**
 * Gives each test of the file its own database (server or PGlite), a connected client and a
 * temp raw folder, and drops the database afterwards. `receive` gets the fresh set.
 */
export function useTestWarehouse(receive: (fresh: TestWarehouse) => void): void {
  let db: TestDatabase;
  let client: pg.Client;
  beforeEach(async () => {
    db = await createTestDatabase();
    client = await db.connect();
    receive({ db, client, store: await tempStore() });
  });
  afterEach(async () => {
    await client.end();
    await db.drop();
  });
}
