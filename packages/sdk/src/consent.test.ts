import { beforeEach, describe, expect, it } from 'vitest';
import { type FakeEndpoint, fakeEndpoint, resetBrowserState } from '../test/fake-endpoint.js';
import { startClient } from '../test/start-client.js';

let server: FakeEndpoint;
beforeEach(() => {
  resetBrowserState();
  server = fakeEndpoint();
});

describe('consent', () => {
  it('holds events while pending and sends them with their original time once granted', async () => {
    const client = startClient({ consent: 'pending', autoPageViews: false });
    client.record('view_item');
    const recordedBy = Date.now();
    await client.flush();
    expect(server.requests).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 20));
    client.setConsent('granted');
    await client.flush();
    const viewItem = server.events().find((event) => event.event_name === 'view_item');
    expect(viewItem?.event_timestamp).toBeLessThanOrEqual(recordedBy);
  });

  it('persists nothing while pending', () => {
    const client = startClient({ consent: 'pending' });
    client.record('view_item');
    expect(Object.keys(localStorage)).toEqual([]);
  });

  it('drops held events when denied and records nothing after', async () => {
    const client = startClient({ consent: 'pending' });
    client.record('view_item');
    client.setConsent('denied');
    client.record('add_to_cart');
    await client.flush();
    expect(server.requests).toHaveLength(0);
  });

  it('forgets stored state and queue when consent is withdrawn', async () => {
    const client = startClient({ autoPageViews: false, flushIntervalMs: 60_000 });
    server.offline(true);
    client.record('view_item');
    client.setConsent('denied');
    server.offline(false);
    await client.flush();
    expect(server.names()).toEqual([]);
    expect(Object.keys(localStorage)).toEqual([]);
  });
});

describe('consent pending for a returning visitor', () => {
  /** A first page load with consent, fully delivered and closed. */
  const earlierVisit = async () => {
    const first = startClient({ appId: 'returning' });
    await first.flush();
    await first.shutdown();
    return first.clientId;
  };

  it('keeps the stored client id and session, with no second first_visit, once granted', async () => {
    const clientId = await earlierVisit();
    const sessionId = server.events()[0]?.session_id;
    const next = startClient({ appId: 'returning', consent: 'pending' });
    next.record('view_item');
    next.setConsent('granted');
    await next.flush();
    const later = server.events().slice(3);
    expect(later.map((event) => event.event_name)).toEqual(['page_view', 'view_item']);
    expect(new Set(later.map((event) => event.client_id))).toEqual(new Set([clientId]));
    expect(new Set(later.map((event) => event.session_id))).toEqual(new Set([sessionId]));
    expect(next.clientId).toBe(clientId);
  });

  it('writes nothing over the stored identity while pending', async () => {
    await earlierVisit();
    const before = { ...localStorage };
    const next = startClient({ appId: 'returning', consent: 'pending' });
    next.record('view_item');
    expect({ ...localStorage }).toEqual(before);
  });

  it('caps the events it holds, the oldest going first', async () => {
    const client = startClient({ consent: 'pending', autoPageViews: false, maxQueueEvents: 5 });
    for (let i = 0; i < 8; i++) client.record('tick', { attributes: { i } });
    client.setConsent('granted');
    await client.flush();
    const ticks = server.events().filter((event) => event.event_name === 'tick');
    expect(ticks.map((event) => event.attributes.i)).toEqual([3, 4, 5, 6, 7]);
  });
});

describe('consent denied', () => {
  it('erases stored ids and the queue on a page that started pending', async () => {
    const first = startClient({ appId: 'erase', autoPageViews: false, flushIntervalMs: 60_000 });
    server.offline(true);
    first.record('view_item');
    await first.shutdown();
    const next = startClient({ appId: 'erase', consent: 'pending' });
    next.setConsent('denied');
    await next.shutdown();
    expect(Object.keys(localStorage)).toEqual([]);
    server.offline(false);
    const later = startClient({ appId: 'erase', autoPageViews: false });
    await later.flush();
    expect(server.names()).not.toContain('view_item');
  });

  it('erases what 0.1.0 stored too', async () => {
    localStorage.setItem('clicktrail:cid', JSON.stringify('legacy-client-00000000001'));
    localStorage.setItem('clicktrail:unsaved', '[]');
    const client = startClient({ appId: 'erase_legacy', consent: 'pending' });
    client.setConsent('denied');
    await client.shutdown();
    expect(Object.keys(localStorage)).toEqual([]);
  });
});
