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
