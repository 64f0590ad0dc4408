import { act, createElement, StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeEndpoint, fakeEndpoint, resetBrowserState } from '../../test/fake-endpoint.js';
import { ENDPOINT } from '../../test/start-client.js';
import type { ClickstreamClient } from '../api.js';
import { ClickstreamProvider, useClickstream, usePageViews, useRecordOnce } from './index.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let endpoint: FakeEndpoint;
let apps = 0;
let appId: string;
let root: ReturnType<typeof createRoot> | null = null;
const seen: ClickstreamClient[] = [];

beforeEach(() => {
  resetBrowserState();
  endpoint = fakeEndpoint();
  appId = `react${apps++}`;
  seen.length = 0;
});
afterEach(async () => {
  await act(async () => root?.unmount());
  root = null;
  await Promise.all([...new Set(seen)].map((client) => client.shutdown()));
});

function Spy() {
  seen.push(useClickstream());
  return null;
}

function RecordsOnMount() {
  const client = useClickstream();
  useEffect(() => client.record('mounted'), [client]);
  seen.push(client);
  return null;
}

function ProductPage({ id }: { id: string }) {
  useRecordOnce('view_item', { product: { id } }, id);
  return null;
}

async function render(...children: ReturnType<typeof createElement>[]) {
  const options = { endpoint: ENDPOINT, appId, flushIntervalMs: 60_000 };
  const tree = createElement(
    StrictMode,
    null,
    createElement(ClickstreamProvider, { options }, ...children),
  );
  const container = document.createElement('div');
  document.body.append(container);
  root ??= createRoot(container);
  await act(async () => root?.render(tree));
}

async function sent() {
  await seen[0]?.flush();
  return endpoint.names();
}

describe('ClickstreamProvider', () => {
  it('gives every component one client under StrictMode, with one page view', async () => {
    await render(createElement(Spy), createElement(Spy));
    expect(seen.length).toBeGreaterThanOrEqual(4);
    expect(new Set(seen).size).toBe(1);
    expect(seen[0]?.clientId).not.toBe('');
    expect((await sent()).filter((name) => name === 'page_view')).toHaveLength(1);
  });

  it('hands children a working client in their first effects', async () => {
    await render(createElement(RecordsOnMount));
    expect(await sent()).toContain('mounted');
  });
});

describe('useRecordOnce', () => {
  it('records once under StrictMode and again when the key changes', async () => {
    await render(createElement(Spy), createElement(ProductPage, { id: 'sku-1' }));
    await render(createElement(Spy), createElement(ProductPage, { id: 'sku-1' }));
    await render(createElement(Spy), createElement(ProductPage, { id: 'sku-2' }));
    await seen[0]?.flush();
    const views = endpoint.events().filter((event) => event.event_name === 'view_item');
    expect(views.map((event) => event.product?.id)).toEqual(['sku-1', 'sku-2']);
  });
});

function Route({ page }: { page: string }) {
  usePageViews(page);
  return null;
}

describe('usePageViews', () => {
  const show = (page: string, ...children: ReturnType<typeof createElement>[]) => {
    const options = { endpoint: ENDPOINT, appId, flushIntervalMs: 60_000, autoPageViews: false };
    root ??= createRoot(document.createElement('div'));
    return act(async () =>
      root?.render(
        createElement(
          StrictMode,
          null,
          createElement(
            ClickstreamProvider,
            { options },
            createElement(Spy),
            createElement(Route, { page }),
            ...children,
          ),
        ),
      ),
    );
  };
  const pageViews = () => endpoint.events().filter((event) => event.event_name === 'page_view');
  beforeEach(() => {
    document.title = 'Home';
  });

  it('records a page view per route under StrictMode, none when the same route renders again', async () => {
    await show('/a');
    await show('/a');
    await show('/b?q=1');
    await seen[0]?.flush();
    expect(endpoint.names().filter((name) => name === 'page_view')).toHaveLength(2);
  });

  // Next.js 16 removes the old <title> when the route commits and streams the new one a
  // few milliseconds later: a page view read at commit would have no title.
  it('waits for the title a framework sets after the route committed', async () => {
    await show('/');
    document.title = '';
    await show('/cart');
    await new Promise((resolve) => setTimeout(resolve, 20));
    document.title = 'Cart';
    await new Promise((resolve) => setTimeout(resolve, 20));
    await seen[0]?.flush();
    expect(pageViews().map((event) => event.page_title)).toEqual(['Home', 'Cart']);
  });

  it("keeps the page's own event behind its page view while that waits for the title", async () => {
    await show('/');
    document.title = '';
    await show('/products/sku-9', createElement(ProductPage, { id: 'sku-9' }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    document.title = 'Skillet';
    await new Promise((resolve) => setTimeout(resolve, 20));
    await seen[0]?.flush();
    const names = endpoint
      .names()
      .filter((name) => !['session_start', 'first_visit'].includes(name));
    expect(names).toEqual(['page_view', 'page_view', 'view_item']);
    expect(pageViews().map((event) => event.page_title)).toEqual(['Home', 'Skillet']);
  });

  it('records no view of a route that redirected before it showed', async () => {
    await show('/');
    document.title = '';
    await show('/checkout', createElement(ProductPage, { id: 'sku-3' }));
    history.replaceState(null, '', '/login?next=/checkout');
    await show('/login?next=/checkout');
    document.title = 'Log in';
    await new Promise((resolve) => setTimeout(resolve, 20));
    await seen[0]?.flush();
    const names = endpoint
      .names()
      .filter((name) => !['session_start', 'first_visit'].includes(name));
    expect(names).toEqual(['page_view', 'view_item', 'page_view']);
    expect(
      pageViews().map((event) => [new URL(event.page_url ?? '').pathname, event.page_title]),
    ).toEqual([
      ['/', 'Home'],
      ['/login', 'Log in'],
    ]);
  });

  it('records a waiting page view untitled when the next route comes, or after a second', async () => {
    await show('/');
    document.title = '';
    await show('/a');
    await show('/b');
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await seen[0]?.flush();
    expect(pageViews().map((event) => event.page_title)).toEqual(['Home', null, null]);
  });
});

describe('useClickstream', () => {
  it('gives a client that records nothing outside a provider', async () => {
    const container = document.createElement('div');
    root = createRoot(container);
    await act(async () => root?.render(createElement(Spy)));
    expect(seen[0]?.clientId).toBe('');
    expect(() => seen[0]?.record('ignored')).not.toThrow();
  });
});
