import { beforeEach, describe, expect, it, vi } from 'vitest';
import { type FakeEndpoint, fakeEndpoint, resetBrowserState } from '../test/fake-endpoint.js';
import { startClient } from '../test/start-client.js';
import type { ClickstreamEvent } from './schema/event.js';
import { beacon as sendBeacon } from './transport.js';
import { chunk, KEEPALIVE_BUDGET_BYTES, sendOnUnload } from './unload.js';

let server: FakeEndpoint;
beforeEach(() => {
  resetBrowserState();
  server = fakeEndpoint();
});
const event = (size: number, id = Math.random().toString(36)) =>
  ({ event_id: id, attributes: { pad: 'x'.repeat(size) } }) as unknown as ClickstreamEvent;
const silent = () => {};

describe('chunk', () => {
  it('cuts by event count', () => {
    expect(chunk([event(1), event(1), event(1)], 2).map((part) => part.length)).toEqual([2, 1]);
  });
  it('cuts by bytes', () => {
    expect(
      chunk([event(900), event(900), event(900)], 50, 2_000).map((part) => part.length),
    ).toEqual([2, 1]);
  });
});

describe('sendOnUnload', () => {
  it('uses keepalive fetch within the page-wide budget, then sendBeacon', () => {
    const beacon = vi.fn(() => true);
    vi.stubGlobal('navigator', { ...navigator, sendBeacon: beacon });
    const events = Array.from({ length: 10 }, () => event(10_000));
    sendOnUnload('https://e.example/c', events, 50, silent, silent);
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

  it('flushes on pagehide', async () => {
    startClient({ flushIntervalMs: 60_000, autoPageViews: false });
    window.dispatchEvent(new Event('pagehide'));
    await expect.poll(() => server.requests.length).toBe(1);
  });
});
