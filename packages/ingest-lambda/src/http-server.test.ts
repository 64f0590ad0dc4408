import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { LocalFolderStore } from '@clicktrail/raw-store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corsPolicy, LOCAL_ORIGINS } from './cors.js';
import { createHandler } from './handler.js';
import { createIngestServer } from './http-server.js';
import { silentLogger } from './logger.js';
import { batchBody, readObjects, tempDir, wireEvent } from './testing.js';

let store: LocalFolderStore;
let server: ReturnType<typeof createIngestServer>;
let url: string;

beforeAll(async () => {
  store = new LocalFolderStore(await tempDir());
  const handler = createHandler({
    store,
    cors: corsPolicy(undefined, LOCAL_ORIGINS),
    log: silentLogger,
  });
  server = createIngestServer(handler, 2 * 1024 * 1024);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('the local HTTP server', () => {
  it('stores a text/plain batch sent like sendBeacon and answers with CORS headers', async () => {
    const event = wireEvent();

    const response = await fetch(`${url}/clickstream`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain;charset=UTF-8', origin: 'http://127.0.0.1:3000' },
      body: batchBody([event]),
    });

    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:3000');
    expect(await response.json()).toEqual({ accepted: 1, rejected: [] });
    const lines = (await readObjects(store, 'events/')).flat();
    expect(lines).toContainEqual(
      expect.objectContaining({ event_id: event.event_id, client_ip: '127.0.0.0' }),
    );
  });

  it('accepts a gzip body', async () => {
    const event = wireEvent();

    const response = await fetch(`${url}/clickstream`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: gzipSync(batchBody([event])),
    });

    expect(await response.json()).toEqual({ accepted: 1, rejected: [] });
  });

  it('answers a preflight with 204 and an empty body', async () => {
    const response = await fetch(`${url}/clickstream`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:3000',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });

    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-methods')).toBe('POST, OPTIONS');
    expect(await response.text()).toBe('');
  });

  it('answers 413 to a body over 1 MB and to one over the server cap', async () => {
    const overLimit = `{"events":[],"pad":"${'x'.repeat(1_100_000)}"}`;
    const overCap = 'x'.repeat(3 * 1024 * 1024);

    const statuses = await Promise.all(
      [overLimit, overCap].map(async (body) => {
        const response = await fetch(`${url}/clickstream`, { method: 'POST', body });
        return response.status;
      }),
    );

    expect(statuses).toEqual([413, 413]);
  });

  it('answers GET /health for readiness checks', async () => {
    const response = await fetch(`${url}/health`);

    expect(await response.json()).toEqual({ status: 'ok' });
  });
});
