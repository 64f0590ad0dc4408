import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { type FakeEndpoint, fakeEndpoint, resetBrowserState } from '../test/fake-endpoint.js';
import { startClient } from '../test/start-client.js';
import type { ClickstreamEvent } from './schema/event.js';
import { STASH_MAX_EVENTS } from './stash.js';
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
const quiet = { autoPageViews: false, flushIntervalMs: 60_000 };

describe('sendOnUnload', () => {
  it('uses keepalive fetch within the page-wide budget, then sendBeacon', () => {
    const beacon = vi.fn(() => true);
    vi.stubGlobal('navigator', { ...navigator, sendBeacon: beacon });
    const events = Array.from({ length: 10 }, () => event(10_000));
    sendOnUnload('https://e.example/c', events, 2, new Set(), silent);
    expect(vi.mocked(fetch).mock.calls.every(([, init]) => init?.keepalive)).toBe(true);
    expect(vi.mocked(fetch).mock.calls.length).toBeGreaterThan(0);
    const sent = vi
      .mocked(fetch)
      .mock.calls.reduce((sum, [, init]) => sum + String(init?.body).length, 0);
    expect(sent).toBeLessThanOrEqual(KEEPALIVE_BUDGET_BYTES);
    expect(beacon).toHaveBeenCalled();
  });

  it('halves a batch the beacon refuses until every part is taken', () => {
    const beacon = vi.fn((_url: string, body: string) => body.length < 25_000);
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

  /** The unload stashes of every tab, parsed (one localStorage key per tab). */
  const stashed = () =>
    Object.keys(localStorage)
      .filter((key) => key.includes('#'))
      .flatMap((key) => JSON.parse(localStorage.getItem(key) ?? '[]') as ClickstreamEvent[]);
  const hide = () => {
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
  };
  const show = () => {
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('visible');
    document.dispatchEvent(new Event('visibilitychange'));
  };

  it('stashes events IndexedDB has not saved yet, and the next page sends them', async () => {
    server.offline(true);
    vi.stubGlobal('indexedDB', undefined); // this page's writes never land
    const first = startClient({ appId: 'stash', autoPageViews: false, flushIntervalMs: 60_000 });
    first.record('purchase');
    window.dispatchEvent(new Event('pagehide'));
    expect(stashed().map((event) => event.event_name)).toContain('purchase');
    await first.shutdown();
    vi.stubGlobal('indexedDB', new IDBFactory());
    server.offline(false);
    const next = startClient({ appId: 'stash', autoPageViews: false });
    await next.flush();
    expect(server.names()).toContain('purchase');
    expect(stashed()).toEqual([]);
  });

  it('stashes each event once however often the page is hidden', () => {
    server.offline(true);
    vi.stubGlobal('indexedDB', undefined); // nothing is ever saved: all stays unsaved
    const client = startClient({ autoPageViews: false, flushIntervalMs: 60_000 });
    for (const name of ['one', 'two', 'three']) client.record(name);
    for (let i = 0; i < 4; i++) {
      hide();
      show();
    }
    const ids = stashed().map((event) => event.event_id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(
      stashed().filter((event) => ['one', 'two', 'three'].includes(event.event_name)),
    ).toHaveLength(3);
  });

  it('hands an event to one keepalive request per leave, even when its answer is a failure', async () => {
    // Leaving pages see their requests fail although the server got them: a second send on the
    // pagehide that follows beforeunload would be a duplicate.
    const client = startClient({ autoPageViews: false, flushIntervalMs: 60_000 });
    client.record('view_item');
    server.offline(true);
    window.dispatchEvent(new Event('beforeunload'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    window.dispatchEvent(new Event('pagehide'));
    hide();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(vi.mocked(fetch)).toHaveBeenCalledTimes(1);
    // Back on the page, the next hide tries again.
    show();
    server.offline(false);
    hide();
    await expect.poll(() => server.names()).toContain('view_item');
  });

  it('drops stashed events once IndexedDB has saved them', async () => {
    const client = startClient({ autoPageViews: false, flushIntervalMs: 60_000 });
    server.offline(true);
    client.record('view_item');
    hide();
    expect(stashed()).not.toEqual([]);
    await expect.poll(() => stashed()).toEqual([]);
  });

  it('bounds the stash while the endpoint is down, and keeps the events beyond it queued', async () => {
    server.offline(true);
    vi.stubGlobal('indexedDB', undefined);
    // happy-dom's sendBeacon makes a real request: the unload part of this test is not its point.
    vi.stubGlobal('navigator', { ...navigator, webdriver: false, sendBeacon: () => false });
    const client = startClient({ ...quiet, maxBatchEvents: 500 });
    for (let i = 0; i < STASH_MAX_EVENTS + 50; i++) client.record('tick', { attributes: { i } });
    hide();
    expect(stashed()).toHaveLength(STASH_MAX_EVENTS);
    server.offline(false);
    await client.flush();
    expect(server.names().filter((name) => name === 'tick')).toHaveLength(STASH_MAX_EVENTS + 50);
    await client.shutdown();
  });

  it('sends on a later hide after the clock was set back', async () => {
    const client = startClient({ autoPageViews: false, flushIntervalMs: 60_000 });
    client.record('view_item');
    hide();
    await expect.poll(() => server.requests.length).toBe(1);
    show();
    const now = Date.now();
    vi.spyOn(Date, 'now').mockReturnValue(now - 3_600_000);
    client.record('add_to_cart');
    hide();
    await expect.poll(() => server.names()).toContain('add_to_cart');
  });

  it('flushes on pagehide', async () => {
    const client = startClient({ flushIntervalMs: 60_000, autoPageViews: false });
    client.record('view_item');
    window.dispatchEvent(new Event('pagehide'));
    await expect.poll(() => server.requests.length).toBe(1);
  });
});
