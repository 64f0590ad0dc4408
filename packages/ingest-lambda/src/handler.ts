import type { RawStore } from '@clicktrail/raw-store';
import { checkBatch } from '@clicktrail/sdk/schema';
import { type HttpApiEvent, type HttpApiResult, header } from './api-gateway.js';
import { type CorsPolicy, corsHeaders, originAllowed, PREFLIGHT_HEADERS } from './cors.js';
import { jsonLogger, type Logger } from './logger.js';
import { RequestBodyError, readBody } from './read-body.js';
import { requestFacts } from './request-facts.js';
import { emptyResult, errorResult, jsonResult } from './responses.js';
import { storeBatch } from './store-batch.js';
import { DEFAULT_STORE_TIMEOUT_MS } from './store-timeout.js';

export interface HandlerOptions {
  store: RawStore;
  cors: CorsPolicy;
  now?: () => number;
  log?: Logger;
  /** How long a raw-store write may take before the answer is 503 (default 3 s). */
  storeTimeoutMs?: number;
}

export type IngestHandler = (event: HttpApiEvent) => Promise<HttpApiResult>;

const INGEST_PATH = '/clickstream';

/**
 * `POST /clickstream` for API Gateway HTTP API events; the local server feeds it the same
 * events. Reads like the request's life: route, CORS, body, envelope, events, store, answer.
 */
export function createHandler(options: HandlerOptions): IngestHandler {
  const { store, cors, now = Date.now, log = jsonLogger } = options;
  const storeTimeoutMs = options.storeTimeoutMs ?? DEFAULT_STORE_TIMEOUT_MS;
  return async (event) => {
    const started = performance.now();
    const facts = requestFacts(event, now);
    // Read defensively: a payload 1.0 event or a console test must get a 4xx, not a crash.
    const method = String(event.requestContext?.http?.method ?? '').toUpperCase();
    const origin = header(event, 'origin');
    const cross = corsHeaders(cors, origin);
    const stats: Record<string, unknown> = {};
    const result = await answer();
    log({
      msg: 'request',
      request_id: facts.requestId,
      method,
      path: event.rawPath ?? '',
      status: result.statusCode,
      ...stats,
      latency_ms: Math.round((performance.now() - started) * 100) / 100,
    });
    return result;

    async function answer(): Promise<HttpApiResult> {
      const path = String(event.rawPath ?? '');
      if (path === '/health' && method === 'GET') return jsonResult(200, { status: 'ok' });
      if (path !== INGEST_PATH && !path.endsWith(INGEST_PATH)) {
        return errorResult(404, `no route ${method} ${path.slice(0, 100)}`);
      }
      if (!originAllowed(cors, origin)) return errorResult(403, 'origin not allowed');
      // A preflight is answered here and never reaches the store (a CSA bug once stored them).
      if (method === 'OPTIONS') return emptyResult(204, { ...PREFLIGHT_HEADERS, ...cross });
      if (method !== 'POST') {
        return errorResult(405, `expected POST, got ${method.slice(0, 10)}`, {
          allow: 'POST, OPTIONS',
          ...cross,
        });
      }
      try {
        const { json, bytes } = readBody(event);
        stats.bytes_in = bytes;
        const batch = checkBatch(json);
        if (!batch.ok) return errorResult(batch.status, batch.error, cross);
        return await storeBatch(
          store,
          { ...facts, sentAt: batch.sentAt },
          batch.events,
          cross,
          stats,
          storeTimeoutMs,
        );
      } catch (error) {
        if (error instanceof RequestBodyError)
          return errorResult(error.status, error.message, cross);
        stats.error = `${(error as Error)?.name}: ${(error as Error)?.message}`;
        return errorResult(500, 'internal error', cross);
      }
    }
  };
}
