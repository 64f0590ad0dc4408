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
  /** What this tab holds in memory, for the synchronous send on unload. */
  inMemory(): ClickstreamEvent[];
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
  const evict = (events: ClickstreamEvent[]) => {
    const excess = events.splice(0, events.length - maxEvents);
    if (excess.length === 0) return;
    log(`queue full: evicted ${excess.length}`);
    void queue.remove(excess.map((event) => event.event_id));
  };

  const queue: Queue = {
    add(event) {
      memory.set(event.event_id, event);
      if (memory.size > maxEvents) evict([...memory.values()]);
      void attempt((db) => write(db, (store) => store.put(event, event.event_id)));
    },
    async pending() {
      const stored = (await attempt((db) => readAll(db))) ?? [];
      const all = new Map(stored.map((event) => [event.event_id, event]));
      // This tab's events last, in the order recorded: ties in time keep their order.
      for (const [id, event] of memory) {
        all.delete(id);
        all.set(id, event);
      }
      const events = [...all.values()].sort(byTime);
      evict(events);
      return events;
    },
    async remove(ids) {
      for (const id of ids) memory.delete(id);
      await attempt((db) => write(db, (store) => ids.map((id) => store.delete(id))));
    },
    inMemory: () => [...memory.values()],
    async clear() {
      memory.clear();
      await attempt((db) => write(db, (store) => store.clear()));
      store = undefined;
    },
  };
  return queue;
}
