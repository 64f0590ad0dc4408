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

/** Ids one acknowledgement list keeps at most (the latest). */
export const ACKS_MAX = 1_000;

/**
 * Events the server acknowledged while their page was going away, in localStorage (`<key>!`),
 * which writes at once where IndexedDB's delete may never finish: the next page load drops
 * them from the queue instead of sending them again. Losing an entry costs a duplicate, never
 * an event.
 */
export interface Acks {
  add(ids: string[]): void;
  /** Every acknowledged id, removed from localStorage. */
  take(): string[];
}

export function createAcks(store: LocalStore, key: string): Acks {
  const name = `${key}!`;
  const take = () => {
    const ids = store.read<string[]>(name) ?? [];
    store.remove(name);
    return ids;
  };
  return {
    add: (ids) => store.write(name, [...take(), ...ids].slice(-ACKS_MAX)),
    take,
  };
}
