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
