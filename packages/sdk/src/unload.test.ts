import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { type FakeEndpoint, fakeEndpoint, resetBrowserState } from '../test/fake-endpoint.js';
import { startClient } from '../test/start-client.js';
import type { ClickstreamEvent } from './schema/event.js';
import { beacon as sendBeacon } from './transport.js';
import { KEEPALIVE_BUDGET_BYTES, sendOnUnload } from './unload.js';

let server: FakeEndpoint;
beforeEach(() => {
  resetBrowserState();
  server = fakeEndpoint();
});
const event = (size: number, id = Math.random().toString(36)) =>
  ({ event_id: id, attributes: { pad: 'x'.repeat(size) } }) as unknown as ClickstreamEvent;
const silent = () => {};

describe('sendOnUnload', () => {
  it('uses keepalive fetch within the page-wide budget, then sendBeacon', () => {
    const beacon = vi.fn(() => true);
    vi.stubGlobal('navigator', { ...navigator, sendBeacon: beacon });
    const events = Array.from({ length: 10 }, () => event(10_000));
    sendOnUnload('https://e.example/c', events, 2, silent, silent);
    expect(vi.mocked(fetch).mock.calls.every(([, init]) => init?.keepalive)).toBe(true);
    expect(vi.mocked(fetch).mock.calls.length).toBeGreaterThan(0);
    const sent = vi
      .mocked(fetch)
      .mock.calls.reduce((sum, [, init]) => sum + String(init?.body).length, 0);
    expect(sent).toBeLessThanOrEqual(KEEPALIVE_BUDGET_BYTES);
    expect(beacon).toHaveBeenCalled();
  });

  it('halves a batch the beacon refuses until every part is taken', () => {
    const beacon = vi.fn((_url: string, body: Blob) => body.size < 25_000);
    vi.stubGlobal('navigator', { ...navigator, sendBeacon: beacon });
    const taken = sendBeacon(
      'https://e.example/c',
      Array.from({ length: 8 }, () => event(5_000)),
    );
    expect(taken).toBe(true);
    expect(beacon.mock.results.map((result) => result.value)).toEqual([false, true, true]);
  });

  it('reports a single event the beacon refuses', () => {
    vi.stubGlobal('navigator', { ...navigator, sendBeacon: () => false });
    expect(sendBeacon('https://e.example/c', [event(10)])).toBe(false);
  });
});

describe('page hide', () => {
  it('flushes what the page holds with keepalive when the page is hidden', async () => {
    startClient({ flushIntervalMs: 60_000 });
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    await expect
      .poll(() => server.names().sort())
      .toEqual(['first_visit', 'page_view', 'session_start']);
    expect(server.requests[0]?.keepalive).toBe(true);
  });

  it('sends once when pagehide and visibilitychange fire together', async () => {
    startClient({ flushIntervalMs: 60_000 });
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    window.dispatchEvent(new Event('pagehide'));
    await expect.poll(() => server.requests.length).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.requests).toHaveLength(1);
  });

  it('stashes events IndexedDB has not saved yet, and the next page sends them', async () => {
    server.offline(true);
    const first = startClient({ appId: 'stash', autoPageViews: false, flushIntervalMs: 60_000 });
    first.record('purchase');
    window.dispatchEvent(new Event('pagehide'));
    expect(localStorage.getItem('clicktrail:unsaved')).toContain('purchase');
    await first.shutdown();
    vi.stubGlobal('indexedDB', new IDBFactory()); // the writes never landed
    server.offline(false);
    const next = startClient({ appId: 'stash', autoPageViews: false });
    await next.flush();
    expect(server.names()).toContain('purchase');
    expect(localStorage.getItem('clicktrail:unsaved')).toBeNull();
  });

  it('flushes on pagehide', async () => {
    startClient({ flushIntervalMs: 60_000, autoPageViews: false });
    window.dispatchEvent(new Event('pagehide'));
    await expect.poll(() => server.requests.length).toBe(1);
  });
});
