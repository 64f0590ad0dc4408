import { IDBFactory } from 'fake-indexeddb';
import { vi } from 'vitest';
import type { ClickstreamEvent, EventBatch } from '../src/schema/event.js';
import { LIMITS } from '../src/schema/limits.js';

export interface FakeEndpoint {
  batches: EventBatch[];
  events(): ClickstreamEvent[];
  names(): string[];
  /** Status (and headers) for the next requests, in order; then 200. */
  answer(...responses: (number | { status: number; headers?: Record<string, string> })[]): void;
  offline(on: boolean): void;
  requests: { keepalive: boolean; contentType: string | null }[];
}

/**
 * Stands in for `fetch` at the network edge: records batches, answers as told, and 413 to a
 * body over the schema's byte limit, as ingest does.
 */
export function fakeEndpoint(): FakeEndpoint {
  const batches: EventBatch[] = [];
  const requests: FakeEndpoint['requests'] = [];
  const queue: { status: number; headers?: Record<string, string> }[] = [];
  let down = false;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      if (down) throw new TypeError('Failed to fetch');
      const tooLarge = new Blob([String(init.body)]).size > LIMITS.maxBodyBytes;
      const next = tooLarge ? { status: 413 } : (queue.shift() ?? { status: 200 });
      requests.push({
        keepalive: init.keepalive === true,
        // What the browser sends: a string body without headers goes as text/plain.
        contentType: new Request(url, init).headers.get('content-type'),
      });
      if (next.status >= 200 && next.status < 300) batches.push(JSON.parse(String(init.body)));
      return new Response(next.status === 204 ? null : '{}', next);
    }),
  );
  return {
    batches,
    requests,
    events: () => batches.flatMap((batch) => batch.events),
    names: () => batches.flatMap((batch) => batch.events.map((event) => event.event_name)),
    answer: (...responses) =>
      queue.push(...responses.map((r) => (typeof r === 'number' ? { status: r } : r))),
    offline: (on) => {
      down = on;
    },
  };
}

/**
 * Forgets everything a previous test left in localStorage and IndexedDB. A fresh
 * IndexedDB factory, because deleting a database a previous client holds open blocks.
 */
export function resetBrowserState(): void {
  localStorage.clear();
  vi.stubGlobal('indexedDB', new IDBFactory());
}
