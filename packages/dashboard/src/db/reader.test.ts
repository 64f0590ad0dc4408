import { createTestDatabase, type TestDatabase } from '@clicktrail/warehouse/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReader, type WarehouseReader } from './reader.js';

let db: TestDatabase;
let reader: WarehouseReader;
beforeAll(async () => {
  db = await createTestDatabase();
  reader = createReader({ connect: db.connect, maxConnections: 1 });
});
afterAll(async () => {
  await reader?.close();
  await db?.drop();
});

describe('the warehouse reader', () => {
  it('reads in a read-only transaction tuned for small analytic queries', async () => {
    const settings = await reader.read((q) =>
      q<{ ro: string; jit: string; work_mem: string }>(
        `SELECT current_setting('transaction_read_only') AS ro, current_setting('jit') AS jit,
          current_setting('work_mem') AS work_mem`,
        [],
      ),
    );
    expect(settings).toEqual([{ ro: 'on', jit: 'off', work_mem: '64MB' }]);
  });

  it('never writes', async () => {
    await expect(reader.read((q) => q('CREATE TABLE nope (x int)', []))).rejects.toThrow(
      /read-only/,
    );
  });
});
