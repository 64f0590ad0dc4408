import type { ClickstreamClient } from '../api.js';
import { whenTitled } from './when-titled.js';

/** A page view waiting for its title, and the page's own events held back behind it. */
interface WaitingPageView {
  url: string;
  recordNow: () => void;
  behind: Array<() => void>;
  dropped: boolean;
}

const waiting = new WeakMap<ClickstreamClient, WaitingPageView>();

/**
 * Records a page view once the page has its title (see whenTitled). A page view still waiting
 * from the route before is recorded first, with what title it has; unless the address moved
 * on meanwhile: that route redirected before it showed (Next.js's `redirect()` on a page
 * commits its route, then the target's), so no one saw it, and its view would carry the
 * target's address. What was held behind it is still recorded.
 */
export function recordPageViewWhenTitled(client: ClickstreamClient): void {
  const before = waiting.get(client);
  if (before && before.url !== location.href) {
    before.dropped = true;
    before.recordNow();
  } else before?.recordNow();
  const entry: WaitingPageView = {
    url: location.href,
    recordNow: () => undefined,
    behind: [],
    dropped: false,
  };
  waiting.set(client, entry);
  entry.recordNow = whenTitled(() => {
    if (waiting.get(client) === entry) waiting.delete(client);
    if (!entry.dropped) client.pageView();
    for (const record of entry.behind) record();
  });
}

/**
 * Runs `record` now, or right after the page view still waiting for its title, so that a
 * page's own events (a `view_item` on mount) follow its page view and it keeps its title.
 */
export function afterWaitingPageView(client: ClickstreamClient, record: () => void): void {
  const entry = waiting.get(client);
  if (entry) entry.behind.push(record);
  else record();
}
