import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ClickstreamEvent, EventBatch } from '../../../src/schema/event.js';
import { FULL_IIFE_PATH, IIFE_PATH } from './dist.js';

/** `up` answers 200, `unavailable` answers 503, `down` drops the connection (network error). */
export type EndpointMode = 'up' | 'unavailable' | 'down';

export interface Reply {
  status: number;
  headers?: Record<string, string>;
}

export interface ReceivedRequest {
  batch: EventBatch;
  contentType: string | undefined;
  /** `cors` for a fetch, `no-cors` for a beacon. */
  fetchMode: string | undefined;
  delivered: boolean;
}

export interface TestServer {
  url(path?: string): string;
  /** A test page whose client gets these options on top of the server's. */
  pageWith(options: Record<string, unknown>, path?: string): string;
  mode: EndpointMode;
  /** When set, answers each POST with this status and headers instead of `mode`'s. */
  reply?: ((request: { bytes: number }) => Reply) | undefined;
  /** Every POST /clickstream, refused ones included, in arrival order. */
  requests: ReceivedRequest[];
  /** Events of the batches answered 200. */
  delivered(): ClickstreamEvent[];
  /** Every event any request carried, delivered or not. */
  attempted(): ClickstreamEvent[];
  close(): Promise<void>;
}

/**
 * Serves `/plain` without the SDK, every other GET with the SDK started with these options,
 * and those of an `options` query parameter (JSON) on top; `?wait=ms` delays the answer,
 * `?full` loads clicktrail.full.iife.js instead of clicktrail.iife.js.
 */
const page = (options: Record<string, unknown>) => `<!doctype html>
<html><head><meta charset="utf-8"><title>Shop</title></head><body>
<script src="/clicktrail.iife.js"></script>
<script>
window.ct = Clicktrail.createClickstream(Object.assign(
  { endpoint: location.origin + '/clickstream', appId: 'browser_test', trackBots: true },
  ${JSON.stringify(options)},
  JSON.parse(new URLSearchParams(location.search).get('options') || '{}'),
));
</script></body></html>`;
const PLAIN = '<!doctype html><title>Elsewhere</title><p>No SDK here.</p>';

/** A local stand-in for ingest plus a page that loads dist/clicktrail.iife.js. */
export async function startTestServer(options: Record<string, unknown> = {}): Promise<TestServer> {
  const iife = readFileSync(IIFE_PATH);
  const fullIife = readFileSync(FULL_IIFE_PATH);
  const html = page(options);
  const requests: ReceivedRequest[] = [];

  const collect = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const reply = server.reply?.({ bytes: body.length });
    const delivered = reply ? reply.status >= 200 && reply.status < 300 : server.mode === 'up';
    requests.push({
      batch: JSON.parse(body.toString('utf8')) as EventBatch,
      contentType: req.headers['content-type'],
      fetchMode: req.headers['sec-fetch-mode'] as string | undefined,
      delivered,
    });
    if (reply) {
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      return void res.end('{}');
    }
    if (server.mode === 'down') return req.socket.destroy();
    res.writeHead(delivered ? 200 : 503, { 'content-type': 'application/json' });
    res.end(delivered ? '{"accepted":0,"rejected":[]}' : '{"error":"unavailable"}');
  };

  const http = createServer((req, res) => {
    if (req.method === 'POST' && req.url === '/clickstream') return void collect(req, res);
    if (req.url === '/clicktrail.iife.js' || req.url === '/clicktrail.full.iife.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      return void res.end(req.url === '/clicktrail.iife.js' ? iife : fullIife);
    }
    if (req.method !== 'GET' || req.url === '/favicon.ico') return void res.writeHead(404).end();
    // `?wait=ms`: a page that takes that long to answer (a slow navigation).
    const wait = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('wait'));
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      const full = new URL(req.url ?? '/', 'http://x').searchParams.has('full');
      if (req.url?.startsWith('/plain')) res.end(PLAIN);
      else res.end(full ? html.replace('/clicktrail.iife.js', '/clicktrail.full.iife.js') : html);
    }, wait || 0);
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  const events = (list: ReceivedRequest[]) => list.flatMap((request) => request.batch.events);

  const server: TestServer = {
    url: (path = '/') => `http://127.0.0.1:${port}${path}`,
    pageWith: (options, path = '/') =>
      `http://127.0.0.1:${port}${path}${path.includes('?') ? '&' : '?'}options=${encodeURIComponent(JSON.stringify(options))}`,
    mode: 'up',
    requests,
    delivered: () => events(requests.filter((request) => request.delivered)),
    attempted: () => events(requests),
    close: () =>
      new Promise((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
  return server;
}
