import { request } from 'node:http';
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

  it('keeps a UTF-8 user agent as UTF-8 (café, not cafÃ©)', async () => {
    const event = wireEvent();
    // node:http sends a header string byte for byte as latin1: these are café's UTF-8 bytes.
    const agent = Buffer.from('Mozilla/5.0 café', 'utf8').toString('latin1');

    const answer = await rawRequest({ 'user-agent': agent }, batchBody([event]));

    expect(answer.status).toBe(200);
    const lines = (await readObjects(store, 'events/')).flat() as Record<string, unknown>[];
    expect(lines.find((line) => line.event_id === event.event_id)?.user_agent).toBe(
      'Mozilla/5.0 café',
    );
  });

  it('answers 413 to a large body before closing, without a broken pipe', async () => {
    const answer = await rawRequest({}, Buffer.alloc(24 * 1024 * 1024, 'x'));

    expect(answer).toEqual({ status: 413 });
  });

  it('lets a browser read Retry-After from cross-origin answers', async () => {
    const response = await fetch(`${url}/clickstream`, {
      method: 'POST',
      headers: { origin: 'http://localhost:3000' },
      body: 'not json',
    });

    expect(response.headers.get('access-control-expose-headers')).toBe('Retry-After');
  });

  it('answers GET /health for readiness checks', async () => {
    const response = await fetch(`${url}/health`);

    expect(await response.json()).toEqual({ status: 'ok' });
  });
});

/** One POST by node:http, written in 64 KB chunks as a slow client would, with any socket error. */
function rawRequest(
  headers: Record<string, string>,
  body: string | Buffer,
): Promise<{ status?: number; error?: string }> {
  return new Promise((resolve) => {
    const answer: { status?: number; error?: string } = {};
    const req = request(`${url}/clickstream`, { method: 'POST', headers }, (response) => {
      answer.status = response.statusCode;
      response.resume();
    });
    req.on('error', (error) => {
      answer.error = (error as NodeJS.ErrnoException).code ?? error.message;
    });
    // After the answer, the upload's end, or a socket error: whatever happened is in.
    req.on('close', () => resolve(answer));
    const data = Buffer.from(body);
    let offset = 0;
    const writeMore = () => {
      while (offset < data.length) {
        const chunk = data.subarray(offset, offset + 65_536);
        offset += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', writeMore);
      }
      req.end();
    };
    writeMore();
  });
}
