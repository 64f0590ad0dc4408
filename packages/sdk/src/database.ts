import { log, MEMORY_FALLBACK } from './log.js';

const STORE = 'queue';

/** How long one storage call may take: an IndexedDB that never answers must not stall delivery. */
export const STORAGE_TIMEOUT_MS = 5_000;

/**
 * One IndexedDB database with one object store (idb-keyval's `createStore(dbName, storeName)`
 * shape), opened on first use. It closes its connection when another page deletes or upgrades
 * the database, and gives every call `STORAGE_TIMEOUT_MS`. Never throws.
 */
export interface Database {
  /**
   * Runs `work` in one transaction (requests it makes answer in its callbacks). True once the
   * transaction committed; false when storage is off, failed or timed out.
   */
  run(mode: IDBTransactionMode, work: (store: IDBObjectStore) => void): Promise<boolean>;
  /**
   * Reads the record at `key`, writes back what `change` makes of it, in one transaction no
   * other tab can interleave. Without storage, `change` sees `undefined` and nothing is kept.
   */
  update<T>(key: IDBValidKey, change: (record: T | undefined) => T): Promise<void>;
  /** Off: every call answers false at once (consent not granted, or IndexedDB failed). */
  on: boolean;
  /** Turns storage off, closes the connection and deletes the database. */
  destroy(): void;
}

export function openDatabase(name: string, on: boolean): Database {
  let connection: Promise<IDBDatabase> | undefined;
  const connect = () =>
    (connection ??= new Promise((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => {
        const db = request.result;
        // A page deleting or upgrading the database ("clear storage" on logout) waits for
        // every open connection: close ours, and open again on the next call.
        db.onversionchange = () => {
          db.close();
          connection = undefined;
        };
        resolve(db);
      };
      request.onerror = () => reject(request.error);
    }));

  const database: Database = {
    on,
    run: (mode, work) =>
      new Promise((resolve) => {
        const done = (ok: boolean, error?: unknown) => {
          clearTimeout(timer);
          // A timeout spoils this call only; any other failure (blocked, missing, quota)
          // means memory from now on.
          if (error) {
            database.on = false;
            log(MEMORY_FALLBACK, error);
          }
          resolve(ok);
        };
        const timer = setTimeout(() => {
          connection = undefined;
          log('storage timeout');
          resolve(false);
        }, STORAGE_TIMEOUT_MS);
        if (!database.on) return done(false);
        connect()
          .then((db) => {
            const transaction = db.transaction(STORE, mode);
            transaction.oncomplete = () => done(true);
            transaction.onabort = () => done(false, transaction.error ?? 'aborted');
            work(transaction.objectStore(STORE));
          })
          .catch((error) => done(false, error ?? 'failed'));
      }),
    async update(key, change) {
      let changed = false;
      await database.run('readwrite', (store) => {
        const request = store.get(key);
        request.onsuccess = () => {
          changed = true;
          store.put(change(request.result), key);
        };
      });
      if (!changed) change(undefined);
    },
    destroy() {
      // Our open connection closes itself on the `versionchange` this fires.
      database.on = false;
      try {
        indexedDB.deleteDatabase(name);
      } catch {
        // No IndexedDB: nothing stored to delete.
      }
    },
  };
  return database;
}
