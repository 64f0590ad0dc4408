import { type Log, MEMORY_FALLBACK } from './log.js';

/**
 * Small synchronous state shared by the tabs of a browser (client id, session, user),
 * kept in localStorage. When storage is missing or throws (private modes, quota) or
 * persistence is off (consent not granted), it lives in memory instead: never throws.
 */
export interface LocalState {
  get<T>(key: string): T | undefined;
  set(key: string, value: unknown): void;
  remove(key: string): void;
  /** Turns writing to localStorage on (copying what memory holds) or off (clearing it). */
  persist(on: boolean): void;
}

const PREFIX = 'clicktrail:';

export function createLocalState(persistent: boolean, log: Log): LocalState {
  const memory = new Map<string, unknown>();
  let storage: Storage | undefined;
  const attach = () => {
    // Reading the property throws where storage is blocked; a full or private-mode
    // storage throws on write, which `write` handles.
    try {
      storage = window.localStorage;
    } catch (error) {
      storage = undefined;
      log(MEMORY_FALLBACK, error);
    }
  };
  if (persistent) attach();

  const write = (key: string, value: unknown) => {
    try {
      storage?.setItem(PREFIX + key, JSON.stringify(value));
    } catch (error) {
      log(MEMORY_FALLBACK, error);
    }
  };

  return {
    get<T>(key: string) {
      try {
        const stored = storage?.getItem(PREFIX + key);
        if (stored != null) memory.set(key, JSON.parse(stored));
      } catch {
        // Unreadable or corrupt: the memory copy stands.
      }
      return memory.get(key) as T | undefined;
    },
    set(key, value) {
      memory.set(key, value);
      write(key, value);
    },
    remove(key) {
      memory.delete(key);
      try {
        storage?.removeItem(PREFIX + key);
      } catch {
        // Nothing stored to remove.
      }
    },
    persist(on) {
      if (on && !storage) {
        attach();
        for (const [key, value] of memory) write(key, value);
      } else if (!on && storage) {
        for (const key of memory.keys()) storage.removeItem(PREFIX + key);
        storage = undefined;
      }
    },
  };
}
