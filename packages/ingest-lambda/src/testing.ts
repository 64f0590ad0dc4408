/** Shared test fixtures: events, API Gateway events, and reading raw objects back. */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { RawStore } from '@clicktrail/raw-store';
import { testEvent } from '@clicktrail/sdk/schema';
import type { HttpApiEvent } from './api-gateway.js';

export const NOW = Date.UTC(2026, 10, 25, 13, 36, 2, 123);

let counter = 0;

/** A valid wire event; `overrides` may set fields to anything, including bad values. */
export function wireEvent(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  return {
    ...testEvent({
      event_id: `evt_${String(counter).padStart(16, '0')}`,
      event_name: 'page_view',
      event_timestamp: NOW - 2_000,
      is_first_visit: false,
      page_url: 'https://shop.example/',
      page_title: 'Home',
      product: null,
      attributes: { plan: 'free' },
    }),
    ...overrides,
  };
}

interface EventOptions {
  method?: string;
  path?: string;
  body?: string;
  base64?: boolean;
  headers?: Record<string, string>;
  sourceIp?: string;
}

export function apiEvent(options: EventOptions = {}): HttpApiEvent {
  return {
    rawPath: options.path ?? '/clickstream',
    headers: { 'user-agent': 'test-agent/1.0', ...options.headers },
    body: options.body,
    isBase64Encoded: options.base64 ?? false,
    requestContext: {
      requestId: 'req-1',
      http: { method: options.method ?? 'POST', sourceIp: options.sourceIp ?? '203.0.113.77' },
    },
  };
}

export const batchBody = (events: unknown[], sentAt: number | null = NOW - 1_000) =>
  JSON.stringify({ sent_at: sentAt, events });

export const tempDir = () => mkdtemp(join(tmpdir(), 'clicktrail-ingest-'));

/** Every object under a prefix, each as its parsed NDJSON lines. */
export async function readObjects(store: RawStore, prefix: string): Promise<unknown[][]> {
  const objects: unknown[][] = [];
  for await (const { key } of store.list(prefix)) {
    const chunks: Buffer[] = [];
    for await (const chunk of await store.get(key)) chunks.push(chunk as Buffer);
    const text = gunzipSync(Buffer.concat(chunks)).toString('utf8');
    objects.push(
      text
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line)),
    );
  }
  return objects;
}
