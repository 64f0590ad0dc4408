import { nanoid } from 'nanoid';
import type { LocalState } from './local-state.js';

export interface Session {
  id: string;
  number: number;
  /** Last activity, epoch ms. */
  at: number;
}

export interface Sessions {
  /** The session an event recorded now belongs to; `isNew` when this call started it. */
  touch(now?: number): Session & { isNew: boolean };
  /** Counts user interaction as activity, without starting a new session. */
  extend(now?: number): void;
  current(): Session | undefined;
}

/**
 * Sessions end after `timeoutMs` without activity, whether the page is visible or not.
 * State lives in shared local state and is re-read on every call, so all tabs see the
 * same session and a new session started in one tab is picked up by the others at once.
 */
export function createSessions(state: LocalState, timeoutMs: number): Sessions {
  const current = () => state.get<Session>('session');
  const alive = (session: Session | undefined, now: number): boolean =>
    !!session && now - session.at < timeoutMs;
  return {
    current,
    touch(now = Date.now()) {
      const previous = current();
      const isNew = !alive(previous, now);
      const session: Session = isNew
        ? { id: nanoid(), number: (previous?.number ?? 0) + 1, at: now }
        : { ...(previous as Session), at: now };
      state.set('session', session);
      return { ...session, isNew };
    },
    extend(now = Date.now()) {
      const session = current();
      if (session && alive(session, now)) state.set('session', { ...session, at: now });
    },
  };
}
