import { createTestDatabase, type TestDatabase } from '@clicktrail/warehouse/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { putObject, rawEvent, tempStore } from './test-support/fixtures.js';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await db.drop();
});

describe('handler', () => {
  it('loads on a scheduled event, returns the summary and logs JSON with EMF metrics', async () => {
    const store = await tempStore();
    await putObject(store, Date.now() - 3_600_000, [rawEvent(), rawEvent()], 'lambda000001');
    vi.stubEnv('RAW_DIR', store.location);
    vi.stubEnv('RAW_BUCKET', '');
    vi.stubEnv('DATABASE_URL', db.url);
    const lines: string[] = [];
    const spy = vi.spyOn(console, 'info').mockImplementation((line: string) => {
      lines.push(line);
    });
    const { handler } = await import('./lambda.js');
    const summary = await handler(
      { id: 'evt-1', 'detail-type': 'Scheduled Event' },
      { awsRequestId: 'req-1', getRemainingTimeInMillis: () => 600_000 },
    );
    spy.mockRestore();
    expect(summary).toMatchObject({ status: 'done', objects: 1, rows_loaded: 2 });
    const logged = lines.map((line) => JSON.parse(line));
    expect(logged.at(-2)).toMatchObject({
      level: 'info',
      message: 'etl run done',
      request_id: 'req-1',
    });
    const emf = logged.at(-1);
    expect(emf._aws.CloudWatchMetrics[0].Namespace).toBe('Clicktrail/ETL');
    expect(emf).toMatchObject({ ObjectsPending: 0, RowsLoaded: 2 });
    expect(emf.OldestUnloadedObjectAge).toBeGreaterThanOrEqual(3_599);
  });

  it('refuses to run without a warehouse server', async () => {
    vi.stubEnv('DATABASE_URL', '');
    vi.stubEnv('DWH_HOST', '');
    const { handler } = await import('./lambda.js');
    await expect(handler({})).rejects.toThrow(/set DATABASE_URL or DWH_HOST/);
  });

  it('fails the invocation when RAW_BUCKET is not set, instead of loading nothing for ever', async () => {
    vi.stubEnv('DATABASE_URL', db.url);
    vi.stubEnv('RAW_BUCKET', '');
    vi.stubEnv('RAW_DIR', '');
    const { handler } = await import('./lambda.js');
    await expect(handler({})).rejects.toThrow(
      /RAW_BUCKET is not set: the ETL Lambda needs the raw bucket/,
    );
  });
});
