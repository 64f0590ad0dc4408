import { beforeEach, describe, expect, it, vi } from 'vitest';
import { type FakeEndpoint, fakeEndpoint, resetBrowserState } from '../test/fake-endpoint.js';
import { startClient as start } from '../test/start-client.js';
import { validateEvent } from './schema/validate-event.js';

let server: FakeEndpoint;

beforeEach(() => {
  resetBrowserState();
  server = fakeEndpoint();
});

describe('a first page load', () => {
  it('sends first_visit, session_start and page_view in one request', async () => {
    const client = start();
    await client.flush();
    expect(server.batches).toHaveLength(1);
    expect(server.names().sort()).toEqual(['first_visit', 'page_view', 'session_start']);
  });

  it('sends events that pass the schema ingest uses', async () => {
    const client = start();
    client.record('add_to_cart', { product: { id: 'sku-1', price: 12.5 }, attributes: { qty: 2 } });
    await client.flush();
    for (const event of server.events()) expect(validateEvent(event)).toMatchObject({ ok: true });
    expect(server.batches[0]?.sent_at).toBeTypeOf('number');
  });

  it('times requests out so a hung request cannot hold the send lock', async () => {
    await start().flush();
    const init = vi.mocked(fetch).mock.calls[0]?.[1];
    expect(init?.signal).toBeInstanceOf(AbortSignal);
  });

  it('posts text/plain so browsers skip the CORS preflight', async () => {
    await start().flush();
    expect(server.requests[0]?.contentType).toBe('text/plain;charset=UTF-8');
  });

  it('marks the events of the first session as first visit', async () => {
    await start().flush();
    expect(
      server.events().every((event) => event.is_first_visit && event.session_number === 1),
    ).toBe(true);
  });
});

describe('a later page load', () => {
  it('keeps the client id and records no second first_visit', async () => {
    const first = start({ appId: 'returning' });
    await first.flush();
    await first.shutdown();
    const second = start({ appId: 'returning' });
    await second.flush();
    expect(second.clientId).toBe(first.clientId);
    expect(server.names().filter((name) => name === 'first_visit')).toHaveLength(1);
    expect(server.names().filter((name) => name === 'session_start')).toHaveLength(1);
  });
});

describe('record', () => {
  it('drops an event with an invalid name and never throws', async () => {
    const client = start({ autoPageViews: false });
    expect(() => client.record('Add To Cart')).not.toThrow();
    // @ts-expect-error wrong usage from untyped code must not throw either
    expect(() => client.record(42)).not.toThrow();
    await client.flush();
    expect(server.names()).not.toContain('Add To Cart');
  });

  it('drops a bad attribute, keeps the event and says so in debug', async () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    const client = start({ autoPageViews: false, debug: true });
    client.record('search', {
      attributes: { term: 'shoes', 'bad-name': 1, long: 'x'.repeat(1025) },
    });
    await client.flush();
    const search = server.events().find((event) => event.event_name === 'search');
    expect(search?.attributes).toEqual({ term: 'shoes' });
    expect(JSON.stringify(info.mock.calls)).toContain('bad-name');
  });

  it('carries product context and the logged-in user', async () => {
    const client = start({ autoPageViews: false });
    client.setUser({ userId: 'u-1', identitySource: 'cognito' });
    client.record('view_item', { product: { id: 'sku-9', name: 'Mug', brand: 'Acme' } });
    client.clearUser();
    client.record('view_item', { product: { id: 'sku-9' } });
    await client.flush();
    const [loggedIn, loggedOut] = server
      .events()
      .filter((event) => event.event_name === 'view_item');
    expect(loggedIn).toMatchObject({
      user_id: 'u-1',
      user_login_state: 'logged_in',
      identity_source: 'cognito',
    });
    expect(loggedIn?.product).toMatchObject({ id: 'sku-9', brand: 'Acme' });
    expect(loggedOut).toMatchObject({ user_id: null, user_login_state: 'logged_out' });
  });

  it('sends at once when a batch is full', async () => {
    const client = start({ autoPageViews: false, maxBatchEvents: 3, flushIntervalMs: 60_000 });
    for (let i = 0; i < 3; i++) client.record('tick');
    await vi.waitFor(() => expect(server.batches.length).toBeGreaterThan(0));
  });
});

describe('identity kept in IndexedDB too', () => {
  it('keeps the client id when localStorage lost it (a browser killed before writing it)', async () => {
    const first = start({ appId: 'durable' });
    await first.flush();
    await first.shutdown();
    localStorage.clear();
    const second = start({ appId: 'durable' });
    await second.flush();
    expect(second.clientId).toBe(first.clientId);
    expect(server.names().filter((name) => name === 'first_visit')).toHaveLength(1);
  });
});

describe('two clients on one origin', () => {
  it('send their events to their own endpoint only', async () => {
    const a = start({ endpoint: 'https://a.example.com/c', autoPageViews: false });
    const b = start({ endpoint: 'https://b.example.com/c', autoPageViews: false });
    server.offline(true);
    a.record('from_a');
    b.record('from_b');
    await Promise.all([a.flush(), b.flush()]);
    server.offline(false);
    await a.flush();
    await b.flush();
    const sentTo = (url: string) =>
      vi
        .mocked(fetch)
        .mock.calls.filter(([to]) => to === url)
        .flatMap(([, init]) =>
          JSON.parse(String(init?.body)).events.map((e: { event_name: string }) => e.event_name),
        );
    expect(sentTo('https://a.example.com/c')).not.toContain('from_b');
    expect(sentTo('https://b.example.com/c')).not.toContain('from_a');
    expect(a.clientId).not.toBe(b.clientId);
  });
});

describe('activity', () => {
  it('does not write localStorage on every scroll, key or pointer event', async () => {
    const client = start();
    await client.flush();
    const writes = vi.spyOn(localStorage, 'setItem');
    for (let i = 0; i < 100; i++) window.dispatchEvent(new Event('scroll'));
    expect(writes.mock.calls.length).toBeLessThanOrEqual(1);
  });
});

describe('product context', () => {
  it('is copied to plain data, so a Vue reactive() product or a class instance is stored', async () => {
    class Product {
      id = 'sku-1';
      name = 'Mug';
      get label() {
        return this.name;
      }
    }
    const client = start({ appId: 'vue', autoPageViews: false, flushIntervalMs: 60_000 });
    server.offline(true);
    client.record('view_item', { product: new Proxy(new Product(), {}) });
    client.record('add_to_cart');
    await client.flush();
    await client.shutdown();
    server.offline(false);
    const again = start({ appId: 'vue', autoPageViews: false });
    await again.flush();
    expect(server.names()).toEqual(expect.arrayContaining(['view_item', 'add_to_cart']));
  });
});
