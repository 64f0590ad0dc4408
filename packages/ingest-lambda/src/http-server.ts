import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { HttpApiEvent, HttpApiResult } from './api-gateway.js';
import type { IngestHandler } from './handler.js';
import { errorResult } from './responses.js';

/** API Gateway refuses bodies over 10 MB and Lambda over 6 MB; the local server does the same. */
export const MAX_REQUEST_BYTES = 6 * 1024 * 1024;

/** Turns a Node request into the API Gateway v2 event the Lambda would get. */
export function toHttpApiEvent(request: IncomingMessage, body: Buffer): HttpApiEvent {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  const url = new URL(request.url ?? '/', 'http://localhost');
  return {
    rawPath: url.pathname,
    headers,
    // Like API Gateway with binary bodies: base64, so invalid UTF-8 reaches the handler intact.
    body: body.length > 0 ? body.toString('base64') : undefined,
    isBase64Encoded: body.length > 0,
    requestContext: {
      requestId: randomUUID(),
      timeEpoch: Date.now(),
      http: {
        method: request.method ?? 'GET',
        sourceIp: request.socket.remoteAddress ?? '',
        userAgent: headers['user-agent'] ?? '',
      },
    },
  };
}

function send(response: ServerResponse, result: HttpApiResult): void {
  response.writeHead(result.statusCode, result.headers);
  response.end(result.body);
}

/** Reads the body up to the cap; null when the request is larger. */
async function readCapped(request: IncomingMessage, cap: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > cap) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The local stand-in for API Gateway: a node:http server in front of the same handler. */
export function createIngestServer(handler: IngestHandler, maxRequestBytes = MAX_REQUEST_BYTES) {
  return createServer(async (request, response) => {
    try {
      const body = await readCapped(request, maxRequestBytes);
      if (body === null) {
        response.setHeader('connection', 'close');
        send(response, errorResult(413, `request over ${maxRequestBytes} bytes`));
        return;
      }
      send(response, await handler(toHttpApiEvent(request, body)));
    } catch {
      // The client went away mid-body, or a bug: answer if still possible, never crash.
      if (!response.headersSent) send(response, errorResult(500, 'internal error'));
      else response.destroy();
    }
  }) satisfies Server;
}
