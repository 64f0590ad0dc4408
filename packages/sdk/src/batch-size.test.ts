import { beforeEach, describe, expect, it, vi } from 'vitest';
import { type FakeEndpoint, fakeEndpoint, resetBrowserState } from '../test/fake-endpoint.js';
import { startClient } from '../test/start-client.js';
import { LIMITS } from './schema/limits.js';

let server: FakeEndpoint;
beforeEach(() => {
  resetBrowserState();
  server = fakeEndpoint();
});
const quiet = { autoPageViews: false, flushIntervalMs: 60_000 };
const bodies = () => vi.mocked(fetch).mock.calls.map(([, init]) => String(init?.body));
const bytes = (text: string) => new TextEncoder().encode(text).length;
/** About 300 KB of attributes: three such events and more make a body over 1 MiB. */
const large = () =>
  Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`a${i}`, 'é'.repeat(500)]));

describe('batch size', () => {
  it('keeps every request under the byte limit of the schema and delivers everything', async () => {
    const client = startClient(quiet);
    for (let i = 0; i < 3; i++) client.record('view_item', { attributes: large() });
    client.record('add_to_cart');
    client.record('purchase');
    await client.flush();
    expect(Math.max(...bodies().map(bytes))).toBeLessThanOrEqual(LIMITS.maxBodyBytes);
    expect(
      server.names().filter((name) => name !== 'session_start' && name !== 'first_visit'),
    ).toEqual(['view_item', 'view_item', 'view_item', 'add_to_cart', 'purchase']);
  });

  it('sends at most the server limit of 500 events per request', async () => {
    const client = startClient({ ...quiet, maxBatchEvents: 2_000, maxQueueEvents: 2_000 });
    for (let i = 0; i < 1_200; i++) client.record('tick');
    await client.flush();
    expect(server.batches.map((batch) => batch.events.length)).toEqual([500, 500, 202]);
  });

  it('splits a batch the server answers 413 and sends the halves', async () => {
    const client = startClient(quiet);
    for (const name of ['a', 'b', 'c', 'd']) client.record(name);
    server.answer(413);
    await client.flush();
    expect(server.batches.map((batch) => batch.events.length)).toEqual([3, 3]);
    expect(server.names()).toContain('d');
  });

  it('drops only the single event the server still finds too large, and says so', async () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    const client = startClient({ ...quiet, debug: true });
    client.record('huge');
    client.record('small');
    // All four (session_start, first_visit, huge, small), the first half, the second half,
    // huge alone; then small alone gets the default 200.
    server.answer(413, 200, 413, 413);
    await client.flush();
    expect(server.names()).toEqual(['session_start', 'first_visit', 'small']);
    expect(info).toHaveBeenCalledWith(expect.stringMatching(/dropped 1, status 413/));
    await client.flush();
    expect(vi.mocked(fetch)).toHaveBeenCalledTimes(5);
  });

  it('sends an event over the byte limit alone, and drops it when refused with 413', async () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    const client = startClient({ ...quiet, debug: true });
    client.record('view_item', { product: { id: 'x', name: 'x'.repeat(1_100_000) } });
    client.record('purchase');
    await client.flush();
    expect(server.names()).toEqual(['session_start', 'first_visit', 'purchase']);
    expect(
      bodies()
        .map(bytes)
        .filter((size) => size > LIMITS.maxBodyBytes),
    ).toHaveLength(1);
    expect(info).toHaveBeenCalledWith('[clicktrail] dropped 1, status 413');
  });
});
