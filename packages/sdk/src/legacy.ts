import { openDatabase } from './database.js';
import type { Stored } from './identity.js';
import type { LocalStore } from './local-state.js';
import type { ClickstreamEvent } from './schema/event.js';

/**
 * 0.1.0 kept one identity and one queue for the whole origin, unnamespaced: localStorage
 * `clicktrail:cid`, `clicktrail:session`, `clicktrail:user`, `clicktrail:unsaved` (its unload
 * stash) and the IndexedDB database `clicktrail` (object store `queue`, events under their id).
 */
const LEGACY = 'clicktrail';

/**
 * Takes what 0.1.0 left, once: removes its keys and returns its identity, hands its stashed
 * and queued events to `add`, and deletes its database once they were read. The queue is read and cleared in one
 * transaction, so of the clients that start at once (tabs, or two apps on one origin) only the
 * first to get there has its events; the identity goes to the first that reads the keys.
 */
export function takeLegacy(local: LocalStore, add: (event: ClickstreamEvent) => void): Stored {
  const take = <T>(name: string) => {
    const value = local.read<T>(`${LEGACY}:${name}`);
    local.remove(`${LEGACY}:${name}`);
    return value;
  };
  for (const event of take<ClickstreamEvent[]>('unsaved') ?? []) add(event);
  const db = openDatabase(LEGACY, true);
  void db
    .run('readwrite', (store) => {
      const all = store.getAll();
      all.onsuccess = () => {
        for (const event of all.result) add(event);
        store.clear();
      };
    })
    // Only once its events are in our hands: a failed read leaves the old queue as it was.
    .then((ok) => ok && db.destroy());
  return { cid: take('cid'), session: take('session'), user: take('user') };
}
