import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';
import { type Log, MEMORY_FALLBACK } from './log.js';
import type { ClickstreamEvent } from './schema/event.js';

/**
 * Events waiting for the server's acknowledgement. Persisted in IndexedDB (shared by
 * the tabs and by later page loads) and mirrored in memory, which is all that is left
 * when IndexedDB is missing or fails. Never throws.
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
  /** Stops persisting and forgets everything (consent denied). */
  clear(): Promise<void>;
}

// Straight on idb-keyval's store: its helpers carry a default store and a cursor
// fallback (getAll is everywhere IndexedDB is) that would only weigh on the bundle.
const readAll = (db: UseStore) =>
  db('readonly', (store) => promisifyRequest<ClickstreamEvent[]>(store.getAll()));
const write = (db: UseStore, work: (store: IDBObjectStore) => void) =>
  db('readwrite', (store) => {
    work(store);
    return promisifyRequest(store.transaction);
  });

const byTime = (a: ClickstreamEvent, b: ClickstreamEvent) => a.event_timestamp - b.event_timestamp;

export function createQueue(maxEvents: number, persistent: boolean, log: Log): Queue {
  const memory = new Map<string, ClickstreamEvent>();
  /** In memory, not yet confirmed in IndexedDB. */
  const unsaved = new Set<string>();
  let saving: Promise<void> | undefined;
  let store: UseStore | undefined;
  try {
    if (persistent) store = createStore('clicktrail', 'queue');
  } catch (error) {
    log(MEMORY_FALLBACK, error);
  }
  // Any IndexedDB failure (blocked, quota, private mode) switches to memory for good.
  const attempt = async <T>(work: (db: UseStore) => Promise<T>): Promise<T | undefined> => {
    if (!store) return undefined;
    try {
      return await work(store);
    } catch (error) {
      store = undefined;
      log(MEMORY_FALLBACK, error);
    }
  };
  // One transaction per burst of events, not one per event.
  const save = (): Promise<void> =>
    (saving ??= Promise.resolve().then(async () => {
      const ids = [...unsaved];
      await attempt((db) =>
        write(db, (objects) => {
          for (const id of ids) if (memory.has(id)) objects.put(memory.get(id), id);
        }),
      );
      saving = undefined;
      if (!store) return;
      for (const id of ids) unsaved.delete(id);
      if (unsaved.size > 0) void save();
    }));
  const evict = (events: ClickstreamEvent[]) => {
    const excess = events.splice(0, events.length - maxEvents);
    if (excess.length === 0) return;
    log(`queue full: evicted ${excess.length}`);
    void queue.remove(excess.map((event) => event.event_id));
  };

  const queue: Queue = {
    memory,
    add(event) {
      memory.set(event.event_id, event);
      unsaved.add(event.event_id);
      if (memory.size > maxEvents) evict([...memory.values()]);
      void save();
    },
    async pending() {
      const stored = await attempt(readAll);
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
      evict(events);
      return events;
    },
    unsaved: () => [...unsaved].map((id) => memory.get(id) as ClickstreamEvent),
    async remove(ids) {
      for (const id of ids) {
        memory.delete(id);
        unsaved.delete(id);
      }
      await attempt((db) => write(db, (objects) => ids.map((id) => objects.delete(id))));
    },
    async clear() {
      memory.clear();
      unsaved.clear();
      await attempt((db) => write(db, (objects) => objects.clear()));
      store = undefined;
    },
  };
  return queue;
}
