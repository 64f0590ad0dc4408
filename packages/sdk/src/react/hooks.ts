import { useContext, useEffect, useRef } from 'react';
import type { ClickstreamClient, RecordOptions } from '../api.js';
import { ClickstreamContext } from './context.js';
import { afterWaitingPageView, recordPageViewWhenTitled } from './waiting-page-view.js';

/** The client of the nearest ClickstreamProvider (one that records nothing outside any). */
export function useClickstream(): ClickstreamClient {
  return useContext(ClickstreamContext);
}

/**
 * Records `name` once when the component mounts, and again only when `key` changes (another
 * product on the same page component). StrictMode runs effects twice in development; the
 * ref survives that, so the event is recorded once.
 */
export function useRecordOnce(name: string, options: RecordOptions | undefined, key: string): void {
  const client = useClickstream();
  const recorded = useRef<string | null>(null);
  const latest = useRef(options);
  latest.current = options;
  useEffect(() => {
    if (recorded.current === key) return;
    recorded.current = key;
    const options = latest.current;
    afterWaitingPageView(client, () => client.record(name, options));
  }, [client, name, key]);
}

/**
 * Records a `page_view` when `page` (the route: path and query) changes, once per value, after
 * the new page has been committed and has its title: frameworks that stream the title in after
 * the commit (Next.js 16) are waited for, up to a second; an event recorded through
 * `useRecordOnce` meanwhile waits behind it, so it still follows the page view. For routers that replace
 * history entries on refresh (Next.js's `router.refresh()`): start the client with
 * `autoPageViews: false` and pass the route here; refreshing the same page records nothing.
 */
export function usePageViews(page: string): void {
  const client = useClickstream();
  const recorded = useRef<string | null>(null);
  useEffect(() => {
    if (recorded.current === page) return;
    recorded.current = page;
    recordPageViewWhenTitled(client);
  }, [client, page]);
}
