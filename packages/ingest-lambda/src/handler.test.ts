import { readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LocalFolderStore, type RawStore } from '@clicktrail/raw-store';
import { validateRawEvent } from '@clicktrail/sdk/schema';
import { beforeEach, describe, expect, it } from 'vitest';
import { corsPolicy, LOCAL_ORIGINS } from './cors.js';
import { createHandler } from './handler.js';
import { silentLogger } from './logger.js';
import { apiEvent, batchBody, NOW, readObjects, tempDir, wireEvent } from './testing.js';

let store: LocalFolderStore;
let handler: ReturnType<typeof createHandler>;
const logs: Record<string, unknown>[] = [];

beforeEach(async () => {
  store = new LocalFolderStore(await tempDir());
  logs.length = 0;
  handler = createHandler({
    store,
    cors: corsPolicy(undefined, LOCAL_ORIGINS),
    now: () => NOW,
    log: (entry) => logs.push(entry),
  });
});

describe('POST /clickstream', () => {
  it.each([0, -5, 1.5, 1e20])(
    'writes only lines the ETL reads back, or nothing, whatever sent_at says (%s)',
    async (sentAt) => {
      const response = await handler(apiEvent({ body: batchBody([wireEvent()], sentAt) }));

      const lines = (await readObjects(store, 'events/')).flat();
      expect([200, 400]).toContain(response.statusCode);
      expect(lines).toHaveLength(response.statusCode === 200 ? 1 : 0);
      for (const line of lines) expect(validateRawEvent(line)).toMatchObject({ ok: true });
    },
  );

  it('keeps a long user agent storable: cut before an emoji, not inside it', async () => {
    const agent = `${'a'.repeat(1_023)}🛒`;

    await handler(apiEvent({ body: batchBody([wireEvent()]), headers: { 'user-agent': agent } }));

    const [line] = (await readObjects(store, 'events/')).flat() as { user_agent: string }[];
    expect(line?.user_agent).toBe('a'.repeat(1_023));
    expect(validateRawEvent(line)).toMatchObject({ ok: true });
  });

  it('stores accepted events as raw lines and refused ones under rejected/', async () => {
    const good = wireEvent();
    const body = batchBody([good, { event_id: 'nope' }]);

    const result = await handler(apiEvent({ body }));

    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body)).toEqual({
      accepted: 1,
      rejected: [{ index: 1, event_id: 'nope', reason: expect.any(String) }],
    });
    const [events] = await readObjects(store, 'events/2026/11/25/');
    expect(events).toHaveLength(1);
    expect(validateRawEvent(events?.[0])).toMatchObject({ ok: true });
    expect(events?.[0]).toMatchObject({ event_id: good.event_id, client_ip: '203.0.113.0' });
    const [rejected] = await readObjects(store, 'rejected/2026/11/25/');
    expect(rejected?.[0]).toMatchObject({ kind: 'event', index: 1, event: { event_id: 'nope' } });
  });

  it('writes nothing for an empty batch', async () => {
    const result = await handler(apiEvent({ body: batchBody([]) }));

    expect(JSON.parse(result.body)).toEqual({ accepted: 0, rejected: [] });
    expect(await readObjects(store, '')).toEqual([]);
  });

  it('answers 400 with the reason when the body is not a batch', async () => {
    const result = await handler(apiEvent({ body: '[1,2]' }));

    expect(result.statusCode).toBe(400);
    expect(JSON.parse(result.body).error).toMatch(/expected a JSON object/);
  });

  it('answers 413 over 500 events', async () => {
    const result = await handler(apiEvent({ body: batchBody(Array(501).fill(1)) }));

    expect(result.statusCode).toBe(413);
  });

  it('logs one JSON entry per request with counts and latency', async () => {
    await handler(apiEvent({ body: batchBody([wireEvent()]) }));

    expect(logs).toEqual([
      expect.objectContaining({ request_id: 'req-1', status: 200, accepted: 1, rejected: 0 }),
    ]);
    expect(logs[0]?.latency_ms).toEqual(expect.any(Number));
  });
});

describe('what ingest accepts, the warehouse can store', () => {
  it.each([0, -5, 1_764_000_000_000.5, 253_402_300_800_000])(
    'refuses a batch whose sent_at %s is no storable time, with the reason',
    async (sentAt) => {
      const result = await handler(apiEvent({ body: batchBody([wireEvent()], sentAt) }));

      expect(result.statusCode).toBe(400);
      expect(JSON.parse(result.body).error).toMatch(/^sent_at: expected epoch ms \(an integer/);
      expect(await readObjects(store, '')).toEqual([]);
    },
  );

  it('refuses an event whose session_number a PostgreSQL integer cannot hold', async () => {
    const body = batchBody([wireEvent({ session_number: 2 ** 31 })]);

    const result = await handler(apiEvent({ body }));

    expect(JSON.parse(result.body).rejected).toEqual([
      expect.objectContaining({
        reason: 'session_number: expected an integer from 1 to 2147483647, got 2147483648',
      }),
    ]);
    expect(await readObjects(store, 'events/')).toEqual([]);
  });

  it('keeps an event with a malformed product field, without the field, and says so', async () => {
    const event = wireEvent({ product: { id: 'sku-1', price: '12.50' } });

    const result = await handler(apiEvent({ body: batchBody([event]) }));

    expect(JSON.parse(result.body)).toMatchObject({
      accepted: 1,
      dropped_attributes: [{ index: 0, name: 'product.price', reason: expect.any(String) }],
    });
    const [lines] = await readObjects(store, 'events/');
    expect(validateRawEvent(lines?.[0])).toMatchObject({
      ok: true,
      event: { product: { id: 'sku-1', price: null } },
    });
  });
});

describe('routing and CORS', () => {
  it('answers a preflight from an allowed origin with 204 and writes nothing', async () => {
    const origin = 'http://localhost:3000';

    const result = await handler(apiEvent({ method: 'OPTIONS', headers: { origin } }));

    expect(result.statusCode).toBe(204);
    expect(result.headers['access-control-allow-origin']).toBe(origin);
    expect(await readObjects(store, '')).toEqual([]);
  });

  it('refuses requests from other origins with 403', async () => {
    const headers = { origin: 'https://evil.example' };
    const preflight = await handler(apiEvent({ method: 'OPTIONS', headers }));
    const post = await handler(apiEvent({ headers, body: batchBody([wireEvent()]) }));

    expect([preflight.statusCode, post.statusCode]).toEqual([403, 403]);
    expect(await readObjects(store, '')).toEqual([]);
  });

  it('allows any origin only when configured with *', async () => {
    const open = createHandler({ store, cors: corsPolicy('*', []), log: silentLogger });

    const result = await open(
      apiEvent({ method: 'OPTIONS', headers: { origin: 'https://a.example' } }),
    );

    expect(result.headers['access-control-allow-origin']).toBe('*');
  });

  it('answers 405 to other methods and 404 to other paths, writing nothing', async () => {
    const get = await handler(apiEvent({ method: 'GET', body: batchBody([wireEvent()]) }));
    const other = await handler(apiEvent({ path: '/other', body: batchBody([wireEvent()]) }));

    expect([get.statusCode, other.statusCode]).toEqual([405, 404]);
    expect(await readObjects(store, '')).toEqual([]);
  });
});

describe('when the store fails', () => {
  it('answers 503, leaves nothing behind, and stores the retry after recovery', async () => {
    const root = await tempDir();
    const blocker = join(root, 'raw');
    await writeFile(blocker, 'a file where the raw folder should be');
    const broken = createHandler({
      store: new LocalFolderStore(blocker),
      cors: corsPolicy(undefined, []),
      log: silentLogger,
    });
    const body = batchBody([wireEvent(), { bad: true }]);

    const failed = await broken(apiEvent({ body }));

    expect(failed.statusCode).toBe(503);
    expect(failed.body).not.toMatch(/ENOTDIR|clicktrail-ingest/);
    expect(await readdir(root)).toEqual(['raw']);
    await rm(blocker);
    const retried = await broken(apiEvent({ body }));
    expect(retried.statusCode).toBe(200);
    const recovered = new LocalFolderStore(blocker);
    expect(await readObjects(recovered, 'events/')).toHaveLength(1);
    expect(await readObjects(recovered, 'rejected/')).toHaveLength(1);
  });

  it('answers 503 with Retry-After when a store write stalls past the timeout', async () => {
    const stalled: RawStore = {
      location: 'stalled',
      put: () => new Promise(() => undefined),
      list: store.list.bind(store),
      get: store.get.bind(store),
    };
    const entries: Record<string, unknown>[] = [];
    const patient = createHandler({
      store: stalled,
      cors: corsPolicy(undefined, []),
      storeTimeoutMs: 50,
      log: (entry) => entries.push(entry),
    });
    const started = performance.now();

    const result = await patient(apiEvent({ body: batchBody([wireEvent()]) }));

    expect(result.statusCode).toBe(503);
    expect(result.headers?.['retry-after']).toBe('5');
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(entries[0]?.error).toMatch(/StoreTimeoutError: .*50 ms/);
  });

  it('answers 503 when only the rejected/ write fails, and the retry stores both', async () => {
    let down = true;
    const flaky: RawStore = {
      location: store.location,
      list: (prefix, options) => store.list(prefix, options),
      get: (key) => store.get(key),
      put: async (key, body) => {
        if (down && key.startsWith('rejected/')) throw new Error('S3 is down');
        await store.put(key, body);
      },
    };
    const withFlaky = createHandler({ store: flaky, cors: corsPolicy('', []), log: silentLogger });
    const body = batchBody([wireEvent(), { bad: true }]);

    const failed = await withFlaky(apiEvent({ body }));
    down = false;
    const retried = await withFlaky(apiEvent({ body }));

    expect([failed.statusCode, retried.statusCode]).toEqual([503, 200]);
    // The first events object is whole; the ETL drops the retry's repeated event ids.
    expect(await readObjects(store, 'events/')).toHaveLength(2);
    expect(await readObjects(store, 'rejected/')).toHaveLength(1);
  });
});

describe('events that are not HTTP API v2', () => {
  it('answers 404 to an empty event instead of throwing', async () => {
    const result = await handler({} as never);

    expect(result.statusCode).toBe(404);
  });
});
