import { beforeEach, describe, expect, it } from 'vitest';
import { type FakeEndpoint, fakeEndpoint, resetBrowserState } from '../test/fake-endpoint.js';
import { startClient } from '../test/start-client.js';

let server: FakeEndpoint;
beforeEach(() => {
  resetBrowserState();
  server = fakeEndpoint();
  history.replaceState(null, '', '/');
  document.title = 'Home';
});
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 5));
const pageViews = () => server.events().filter((event) => event.event_name === 'page_view');

describe('automatic page views', () => {
  it('records one page view on load', async () => {
    const client = startClient();
    await client.flush();
    expect(pageViews()).toHaveLength(1);
  });

  it('records a page view on pushState with the previous page as referrer', async () => {
    const client = startClient();
    history.pushState(null, '', '/products/42');
    document.title = 'Mug';
    await nextTask();
    await client.flush();
    const [, second] = pageViews();
    expect(second?.page_url).toMatch(/\/products\/42$/);
    expect(second?.page_title).toBe('Mug');
    expect(second?.page_referrer).toMatch(/\/$/);
  });

  it('records a page view on popstate', async () => {
    const client = startClient();
    history.pushState(null, '', '/cart');
    await nextTask();
    history.replaceState(null, '', '/');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await nextTask();
    await client.flush();
    expect(pageViews().map((event) => new URL(event.page_url ?? '').pathname)).toEqual([
      '/',
      '/cart',
      '/',
    ]);
  });

  it('skips replaceState when neither URL nor title changed', async () => {
    const client = startClient();
    history.replaceState({ hydrated: true }, '', location.href);
    await nextTask();
    await client.flush();
    expect(pageViews()).toHaveLength(1);
  });

  it('records when only the title changed', async () => {
    const client = startClient();
    document.title = 'Home — sale';
    history.replaceState(null, '', location.href);
    await nextTask();
    await client.flush();
    expect(pageViews()).toHaveLength(2);
  });

  it('adds no page view when created twice (React StrictMode)', async () => {
    const first = startClient({ appId: 'strict' });
    const second = startClient({ appId: 'strict' });
    await second.flush();
    expect(second).toBe(first);
    expect(pageViews()).toHaveLength(1);
  });

  it('records none when autoPageViews is off', async () => {
    const client = startClient({ autoPageViews: false });
    history.pushState(null, '', '/elsewhere');
    await nextTask();
    await client.flush();
    expect(pageViews()).toHaveLength(0);
  });
});
