import type { LocalStore } from './local-state.js';
import type { ClickstreamEvent } from './schema/event.js';

/** Events one tab stashes at most; the rest are still in IndexedDB's hands or in memory. */
export const STASH_MAX_EVENTS = 200;

/**
 * When the page is hidden, the events IndexedDB has not confirmed yet are copied to
 * localStorage, which writes at once. One key per tab (`<key>#<tab>`), rewritten rather than
 * appended, so each event is stashed once; `update` shrinks it as events are saved or
 * delivered. Bounded, and a write that does not fit costs nothing but the stash.
 */
export interface Stash {
  /** Stashes these events (the tab's unsaved ones), or removes the stash when there are none. */
  write(events: ClickstreamEvent[]): void;
  /** Rewrites the stash, if this tab wrote one, with what is still unsaved. */
  update(events: () => ClickstreamEvent[]): void;
  /** Every tab's stash, removed from localStorage: the next page load queues them. */
  take(): ClickstreamEvent[];
}

export function createStash(store: LocalStore, key: string, tab: string): Stash {
  const mine = `${key}#${tab}`;
  let written = false;
  const stash: Stash = {
    write(events) {
      written = events.length > 0;
      if (written) store.write(mine, events.slice(-STASH_MAX_EVENTS));
      else store.remove(mine);
    },
    update: (events) => written && stash.write(events()),
    take() {
      const taken: ClickstreamEvent[] = [];
      for (const name of store.keys()) {
        if (!name.startsWith(`${key}#`)) continue;
        taken.push(...(store.read<ClickstreamEvent[]>(name) ?? []));
        store.remove(name);
      }
      return taken;
    },
  };
  return stash;
}
