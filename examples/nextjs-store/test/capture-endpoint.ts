import { createServer, type Server } from 'node:http';
import type { ClickstreamEvent } from '@clicktrail/sdk';

/** A stand-in for the ingest API that keeps every event it is sent, in arrival order. */
export interface CaptureEndpoint {
  url: string;
  events: ClickstreamEvent[];
  /** Event names of each request, in arrival order. */
  batches: string[][];
  requests: number;
  stop(): Promise<void>;
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST, OPTIONS',
  'access-control-allow-headers': 'content-type',
};

export async function startCaptureEndpoint(): Promise<CaptureEndpoint> {
  const capture = { events: [] as ClickstreamEvent[], batches: [] as string[][], requests: 0 };
  const server: Server = createServer((request, response) => {
    if (request.method === 'OPTIONS') return response.writeHead(204, CORS).end();
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        events: ClickstreamEvent[];
      };
      capture.requests += 1;
      capture.events.push(...body.events);
      capture.batches.push(body.events.map((e) => `${e.event_name} ${e.event_id}`));
      response.writeHead(200, { ...CORS, 'content-type': 'application/json' });
      response.end(JSON.stringify({ accepted: body.events.length, rejected: [] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/clickstream`,
    get events() {
      return capture.events;
    },
    get batches() {
      return capture.batches;
    },
    get requests() {
      return capture.requests;
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
