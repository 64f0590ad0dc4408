import { log, MEMORY_FALLBACK } from './log.js';

/**
 * localStorage as JSON values, or nothing where it is missing, blocked or full (private modes,
 * quota): reads answer `undefined` and writes are dropped. Never throws.
 */
export interface LocalStore {
  read<T>(key: string): T | undefined;
  write(key: string, value: unknown): void;
  remove(key: string): void;
  keys(): string[];
}

export function createLocalStore(): LocalStore {
  let storage: Storage | undefined;
  // Reading the property throws where storage is blocked.
  try {
    storage = window.localStorage;
  } catch (error) {
    log(MEMORY_FALLBACK, error);
  }
  return {
    read(key) {
      try {
        return JSON.parse(storage?.getItem(key) ?? 'null') ?? undefined;
      } catch {
        // Unreadable or corrupt: as if absent.
      }
    },
    write(key, value) {
      try {
        storage?.setItem(key, JSON.stringify(value));
      } catch (error) {
        log(MEMORY_FALLBACK, error);
      }
    },
    // Neither throws once the storage object could be read.
    remove: (key) => storage?.removeItem(key),
    keys: () => Object.keys(storage ?? {}),
  };
}
