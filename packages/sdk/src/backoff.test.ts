import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type FakeEndpoint, fakeEndpoint, resetBrowserState } from '../test/fake-endpoint.js';
import { startClient } from '../test/start-client.js';

let server: FakeEndpoint;
beforeEach(() => {
  resetBrowserState();
  server = fakeEndpoint();
});
afterEach(() => vi.useRealTimers());
const quiet = { autoPageViews: false, flushIntervalMs: 60_000 };
const fetches = () => vi.mocked(fetch).mock.calls.length;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('backoff', () => {
  it('never brings a scheduled retry forward for new events, even full batches', async () => {
    const client = startClient({ ...quiet, maxBatchEvents: 2 });
    server.answer(...Array(100).fill({ status: 429, headers: { 'Retry-After': '60' } }));
    client.record('add_to_cart');
    await client.flush();
    const before = fetches();
    for (let i = 0; i < 10; i++) client.record('view_item');
    await sleep(400);
    expect(fetches()).toBe(before);
  });

  it('makes no request per click while offline', async () => {
    const client = startClient({ ...quiet, maxBatchEvents: 1 });
    server.offline(true);
    client.record('add_to_cart');
    await client.flush();
    const before = fetches();
    for (let i = 0; i < 5; i++) {
      client.record('view_item');
      await sleep(40);
    }
    expect(fetches()).toBe(before);
  });

  it.each([
    ['0', '0'],
    ['a date in the past', 'Thu, 01 Jan 1970 00:00:00 GMT'],
  ])('never retries sooner than the backoff after Retry-After: %s', async (_, retryAfter) => {
    const client = startClient(quiet);
    const throttled = { status: 429, headers: { 'Retry-After': retryAfter } };
    server.answer(...Array(1_000).fill(throttled));
    client.record('purchase');
    await client.flush();
    await sleep(1_200);
    // The first try, then at most one retry (0.5–1 s); the next waits 1–2 s more.
    expect(fetches()).toBeLessThanOrEqual(2);
  });

  it('waits a Retry-After longer than the backoff', async () => {
    const client = startClient(quiet);
    server.answer({ status: 503, headers: { 'Retry-After': '1' } });
    client.record('purchase');
    await client.flush();
    await sleep(800);
    expect(fetches()).toBe(1);
    await expect.poll(() => server.names(), { timeout: 2_000 }).toContain('purchase');
  });

  it('stops retrying on its own after 10 failures in a row, until online', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const client = startClient(quiet);
    server.offline(true);
    client.record('purchase');
    await client.flush();
    // IndexedDB (fake-indexeddb) runs on real setImmediate: let it work between timers.
    for (let minute = 0; minute < 60; minute++) {
      await vi.advanceTimersByTimeAsync(60_000);
      for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    }
    expect(fetches()).toBe(11);
    server.offline(false);
    window.dispatchEvent(new Event('online'));
    await vi.waitFor(() => expect(server.names()).toContain('purchase'));
  });
});
