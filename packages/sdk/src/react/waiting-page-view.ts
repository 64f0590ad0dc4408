import type { ClickstreamClient } from '../api.js';
import { whenTitled } from './when-titled.js';

/** A page view waiting for its title, and the page's own events held back behind it. */
interface WaitingPageView {
  recordNow: () => void;
  behind: Array<() => void>;
}

const waiting = new WeakMap<ClickstreamClient, WaitingPageView>();

/**
 * Records a page view once the page has its title (see whenTitled). A page view still waiting
 * from the route before is recorded first, with what title it has.
 */
export function recordPageViewWhenTitled(client: ClickstreamClient): void {
  waiting.get(client)?.recordNow();
  const entry: WaitingPageView = { recordNow: () => undefined, behind: [] };
  waiting.set(client, entry);
  entry.recordNow = whenTitled(() => {
    if (waiting.get(client) === entry) waiting.delete(client);
    client.pageView();
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
