import { beforeEach, describe, expect, it } from 'vitest';
import { type FakeEndpoint, fakeEndpoint, resetBrowserState } from '../test/fake-endpoint.js';
import { startClient } from '../test/start-client.js';

let server: FakeEndpoint;
beforeEach(() => {
  resetBrowserState();
  server = fakeEndpoint();
});
const quiet = { autoPageViews: false, flushIntervalMs: 60_000 };

describe('delivery', () => {
  it('keeps events the server failed on and sends them on the next try', async () => {
    const client = startClient(quiet);
    server.answer(503);
    client.record('add_to_cart');
    await client.flush();
    expect(server.names()).toEqual([]);
    await client.flush();
    expect(server.names()).toContain('add_to_cart');
  });

  it('treats any 2xx, 204 included, as delivered', async () => {
    const client = startClient(quiet);
    server.answer(204);
    client.record('add_to_cart');
    await client.flush();
    await client.flush();
    expect(server.requests).toHaveLength(1);
  });

  it('drops a batch the server refuses for good (400)', async () => {
    const client = startClient(quiet);
    server.answer(400);
    client.record('add_to_cart');
    await client.flush();
    await client.flush();
    expect(server.requests).toHaveLength(1);
  });

  it.each([408, 429, 500])('retries after %i with backoff', async (status) => {
    const client = startClient(quiet);
    server.answer(status);
    client.record('purchase');
    await client.flush();
    await expect.poll(() => server.names(), { timeout: 3_000 }).toContain('purchase');
    expect(server.requests).toHaveLength(2);
  });

  it('retries network errors and sends when the browser is back online', async () => {
    const client = startClient(quiet);
    server.offline(true);
    client.record('begin_checkout');
    await client.flush();
    server.offline(false);
    window.dispatchEvent(new Event('online'));
    await expect.poll(() => server.names()).toContain('begin_checkout');
  });

  it('delivers on the next page load what an earlier page could not send', async () => {
    server.offline(true);
    const first = startClient({ ...quiet, appId: 'reload' });
    first.record('add_to_cart');
    await first.flush();
    await first.shutdown();
    server.offline(false);
    const second = startClient({ ...quiet, appId: 'reload' });
    await second.flush();
    expect(server.names().sort()).toEqual(['add_to_cart', 'first_visit', 'session_start']);
  });

  it('evicts the oldest events beyond maxQueueEvents', async () => {
    const client = startClient({ ...quiet, maxQueueEvents: 3, maxBatchEvents: 100 });
    server.offline(true);
    for (const name of ['one', 'two', 'three', 'four', 'five']) client.record(name);
    server.offline(false);
    await client.flush();
    expect(server.names()).toEqual(['three', 'four', 'five']);
  });

  it('splits what is waiting into batches of maxBatchEvents', async () => {
    const client = startClient({ ...quiet, maxBatchEvents: 2 });
    server.offline(true);
    for (let i = 0; i < 5; i++) client.record('tick');
    server.offline(false);
    await client.flush();
    // five ticks after session_start and first_visit
    expect(server.batches.map((batch) => batch.events.length)).toEqual([2, 2, 2, 1]);
  });
});
