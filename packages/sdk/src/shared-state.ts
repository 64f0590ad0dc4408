import type { Stored } from './identity.js';
import type { LocalStore } from './local-state.js';

/** Activity (events, pointer, keys, scroll) reaches localStorage at most this often. */
export const WRITE_EVERY_MS = 5_000;

/**
 * This tab's copy of what the tabs share (client id, session, user), kept in localStorage under
 * `key` and brought up to date by other tabs' `storage` events, so recording reads no storage.
 * Writes only while `persistent` (consent granted).
 */
export interface SharedState {
  value: Stored;
  persistent: boolean;
  /** Fresh from localStorage, for a read-modify-write; this tab's copy where there is none. */
  read(): Stored;
  /** Writes now; with `soon`, only if the last write is `WRITE_EVERY_MS` old (activity). */
  write(soon?: boolean): void;
  /** The `storage` listener: another tab wrote. */
  sync(event: StorageEvent): void;
  /** Removes what is stored under `key` and starts from nothing. */
  clear(): void;
}

export function createSharedState(
  store: LocalStore,
  key: string,
  persistent: boolean,
): SharedState {
  let written = 0;
  const state: SharedState = {
    value: store.read<Stored>(key) ?? {},
    persistent,
    read: () => store.read<Stored>(key) ?? state.value,
    write(soon) {
      if (!state.persistent || (soon && Date.now() - written < WRITE_EVERY_MS)) return;
      written = Date.now();
      store.write(key, state.value);
    },
    sync(event) {
      if (event.key === key) state.value = state.read();
    },
    clear() {
      state.value = {};
      store.remove(key);
    },
  };
  return state;
}
