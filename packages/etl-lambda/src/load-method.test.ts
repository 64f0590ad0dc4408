import { createTestDatabase, type TestDatabase } from '@clicktrail/warehouse/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeRows } from './copy-write.js';
import { loadMethodFor } from './load-method.js';

describe('load method', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });

  it('uses COPY on a PostgreSQL server and JSON batches on embedded PGlite', async () => {
    const client = await db.connect();
    try {
      const method = await loadMethodFor(client);
      expect(method.name).toBe(db.kind === 'server' ? 'copy' : 'json');
      expect((await loadMethodFor(client, 'json')).name).toBe('json');
    } finally {
      await client.end();
    }
  });

  it('encodes a batch as UTF-8, growing its buffer for a large one', () => {
    const [owner, other] = [{}, {}];
    const rows = ['a\t😀 ü\n', `${'x'.repeat(1 << 20)}\n`, 'z\n'];
    expect(encodeRows(owner, rows).toString('utf8')).toBe(rows.join(''));
    const second = encodeRows(other, ['b\n']);
    expect(encodeRows(owner, ['c\n']).toString('utf8')).toBe('c\n');
    expect(second.toString('utf8')).toBe('b\n');
  });
});
