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
    if (value !== undefined) {
      headers[name] = headerText(Array.isArray(value) ? value.join(',') : value);
    }
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

/** Bytes past the cap read and dropped after a 413, so the client can finish and read it. */
const DRAIN_BYTES = 64 * 1024 * 1024;
const DRAIN_MS = 10_000;

export class RequestAbortedError extends Error {
  override name = 'RequestAbortedError';
}

/**
 * Reads the body up to the cap; null once it is larger. Past the cap the rest is read and
 * dropped (up to `DRAIN_BYTES` or `DRAIN_MS`), never left unread: closing a socket the client
 * is still writing to resets it, and the client sees a broken pipe instead of its 413.
 */
function readCapped(request: IncomingMessage, cap: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (over) {
        if (size > cap + DRAIN_BYTES) request.socket.destroy();
        return;
      }
      if (size <= cap) return void chunks.push(chunk);
      over = true;
      chunks.length = 0;
      const limit = setTimeout(() => request.socket.destroy(), DRAIN_MS);
      request.once('close', () => clearTimeout(limit));
      resolve(null);
    });
    request.on('end', () => resolve(over ? null : Buffer.concat(chunks)));
    request.on('close', () => {
      if (!request.complete) reject(new RequestAbortedError('the client went away mid-body'));
    });
  });
}

/**
 * node:http reads header values as latin1, one character per byte; browsers send UTF-8.
 * Non-ASCII values are read again as the UTF-8 bytes they were (`café`, not `cafÃ©`).
 */
function headerText(value: string): string {
  return /[\u0080-\u00ff]/.test(value) ? Buffer.from(value, 'latin1').toString('utf8') : value;
}

/** The local stand-in for API Gateway: a node:http server in front of the same handler. */
export function createIngestServer(handler: IngestHandler, maxRequestBytes = MAX_REQUEST_BYTES) {
  return createServer(async (request, response) => {
    try {
      const body = await readCapped(request, maxRequestBytes);
      if (body === null) {
        // Answered at once; the rest of the body drains in `readCapped`, then the
        // connection stays usable.
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
