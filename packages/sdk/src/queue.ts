import type { Database } from './database.js';
import { log } from './log.js';
import { newId } from './new-id.js';
import type { ClickstreamEvent } from './schema/event.js';

/**
 * Events waiting for the server's acknowledgement. Persisted in IndexedDB (shared by the tabs
 * of this endpoint and app, and by later page loads) and mirrored in memory, which is all that
 * is left when IndexedDB is missing or fails. Never throws.
 */
export interface Queue {
  add(event: ClickstreamEvent): void;
  /** Everything waiting, from this tab and from earlier or other pages, oldest first. */
  pending(): Promise<ClickstreamEvent[]>;
  remove(ids: string[]): Promise<void>;
  /** This tab's events until acknowledged, for the synchronous send on unload. */
  readonly memory: ReadonlyMap<string, ClickstreamEvent>;
  /** Events IndexedDB has not confirmed yet (all of them without IndexedDB). */
  unsaved(): ClickstreamEvent[];
  /** Runs `send` while this tab holds the send lease, so no two tabs send the shared queue. */
  exclusive(send: () => Promise<void>): Promise<void>;
  /** Forgets what memory holds (consent denied; the database itself is deleted). */
  clear(): void;
}

/** Event ids are strings; the numeric keys hold the identity record and the send lease. */
const EVENTS = () => IDBKeyRange.lowerBound('');
const LEASE = 1;
/** Longer than a request may take (30 s) plus the storage calls around it. */
export const LEASE_MS = 60_000;
const LEASE_POLL_MS = 150;

const byTime = (a: ClickstreamEvent, b: ClickstreamEvent) => a.event_timestamp - b.event_timestamp;

/**
 * `changed` runs when events were saved or removed (the unload stash follows the queue); `tab`
 * names this page in the send lease.
 */
export function createQueue(
  db: Database,
  maxEvents: number,
  changed: () => void = () => {},
  tab: string = newId(),
): Queue {
  const memory = new Map<string, ClickstreamEvent>();
  /** In memory, not yet confirmed in IndexedDB. */
  const unsaved = new Set<string>();
  /** Evicted from memory, deleted from IndexedDB with the next write. */
  const evicted: string[] = [];
  let saving: Promise<void> | undefined;

  // One transaction per burst, in a task of its own: not on the path of the interaction that
  // recorded the events, and a few ms later at most.
  const save = (): Promise<void> =>
    (saving ??= new Promise((resolve) => setTimeout(resolve)).then(async () => {
      const ids = [...unsaved];
      const gone = evicted.splice(0);
      const saved = await db.run('readwrite', (store) => {
        for (const id of gone) store.delete(id);
        for (const id of ids) {
          try {
            store.put(memory.get(id), id);
          } catch (error) {
            // A value IndexedDB cannot clone is that event's problem, not the queue's.
            memory.delete(id);
            log('unstorable', error);
          }
        }
      });
      saving = undefined;
      if (!saved) return;
      for (const id of ids) unsaved.delete(id);
      changed();
      if (unsaved.size > 0) void save();
    }));

  // One tab at a time holds the lease, kept in the database itself: it works where Web Locks
  // do not (plain http), and a tab whose storage hangs never holds it (or not for long).
  const lease = (take: boolean) => {
    let mine = false;
    return db
      .run('readwrite', (store) => {
        const request = store.get(LEASE);
        request.onsuccess = () => {
          const [holder, until] = request.result ?? [];
          const left = until - Date.now();
          // Expired, or further ahead than a lease lasts (the clock was set back).
          mine = holder === tab || !(left > 0 && left <= LEASE_MS);
          if (!mine) return;
          if (take) store.put([tab, Date.now() + LEASE_MS], LEASE);
          else store.delete(LEASE);
        };
      })
      .then((ok) => mine || !ok);
  };

  const queue: Queue = {
    memory,
    add(event) {
      memory.set(event.event_id, event);
      unsaved.add(event.event_id);
      if (memory.size > maxEvents) {
        // The oldest of this tab: a Map iterates in insertion order.
        const [oldest] = memory.keys() as unknown as [string];
        memory.delete(oldest);
        unsaved.delete(oldest);
        evicted.push(oldest);
        log('queue full: evicted 1');
      }
      void save();
    },
    async pending() {
      let stored: ClickstreamEvent[] | undefined;
      await db.run('readonly', (store) => {
        const request = store.getAll(EVENTS());
        request.onsuccess = () => {
          stored = request.result;
        };
      });
      const all = new Map(stored?.map((event) => [event.event_id, event]));
      for (const [id, event] of memory) {
        // Saved, then gone from the store: another tab delivered it.
        if (stored && !unsaved.has(id) && !all.has(id)) memory.delete(id);
        else {
          // This tab's events last, in the order recorded: ties in time keep their order.
          all.delete(id);
          all.set(id, event);
        }
      }
      const events = [...all.values()].sort(byTime);
      const excess = events.splice(0, events.length - maxEvents);
      if (excess[0]) {
        log(`queue full: evicted ${excess.length}`);
        void queue.remove(excess.map((event) => event.event_id));
      }
      return events;
    },
    unsaved: () => [...unsaved].map((id) => memory.get(id) as ClickstreamEvent),
    async remove(ids) {
      for (const id of ids) {
        memory.delete(id);
        unsaved.delete(id);
      }
      await db.run('readwrite', (store) => {
        for (const id of ids) store.delete(id);
      });
      changed();
    },
    async exclusive(send) {
      while (!(await lease(true)))
        await new Promise((resolve) => setTimeout(resolve, LEASE_POLL_MS));
      try {
        await send();
      } finally {
        void lease(false);
      }
    },
    clear() {
      memory.clear();
      unsaved.clear();
    },
  };
  return queue;
}
