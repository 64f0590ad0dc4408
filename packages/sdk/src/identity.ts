import { newId } from './new-id.js';
import type { ClickstreamEvent, LoginState } from './schema/event.js';

export interface UserFields {
  user_id: string | null;
  user_login_state: LoginState;
  identity_source: string | null;
}

export interface Session {
  id: string;
  number: number;
  /** Last activity, epoch ms. */
  at: number;
}

/** What the tabs of a browser share for one endpoint and app. */
export interface Stored {
  /** Persistent anonymous client id. */
  cid?: string;
  session?: Session;
  user?: UserFields;
}

/** True when an event at `now` joins the stored session of a known client: nothing to start. */
export const alive = (stored: Stored, now: number, timeoutMs: number): boolean =>
  !!stored.cid && !!stored.session && now - stored.session.at < timeoutMs;

/**
 * The state to use when localStorage (`local`, what the tabs read) and IndexedDB (`durable`,
 * written at once, where a killed browser may have lost localStorage) disagree: the client id
 * either holds, localStorage first, and the session that started last.
 */
export function merge(durable: Stored | undefined, local: Stored): Stored {
  const older = durable?.session;
  const session = (older?.number ?? 0) > (local.session?.number ?? 0) ? older : local.session;
  return { ...local, cid: local.cid ?? durable?.cid, session };
}

/**
 * Gives `events` (in the order recorded) the client id and session they belong to, starting
 * what is missing: a client id (recording `first_visit`), and a session (recording
 * `session_start`) when none is stored or the last one saw no activity for `timeoutMs`.
 * A new client id is `candidate` (the id this tab shows until one is stored). Updates
 * `stored`; returns the events to queue, in order.
 */
export function assign(
  stored: Stored,
  events: ClickstreamEvent[],
  timeoutMs: number,
  candidate: string,
): ClickstreamEvent[] {
  const out: ClickstreamEvent[] = [];
  const derive = (event: ClickstreamEvent, event_name: string): ClickstreamEvent => ({
    ...event,
    event_id: newId(),
    event_name,
    product: null,
    attributes: {},
  });
  for (const event of events) {
    const at = event.event_timestamp;
    const batch: ClickstreamEvent[] = [];
    let { session } = stored;
    if (!session || at - session.at >= timeoutMs) {
      session = stored.session = { id: newId(), number: (session?.number ?? 0) + 1, at };
      batch.push(derive(event, 'session_start'));
    }
    if (!stored.cid) {
      stored.cid = candidate;
      batch.push(derive(event, 'first_visit'));
    }
    session.at = Math.max(session.at, at);
    batch.push(event);
    for (const each of batch) {
      out.push(
        Object.assign(each, {
          client_id: stored.cid,
          session_id: session.id,
          session_number: session.number,
          is_first_visit: session.number === 1,
        }),
      );
    }
  }
  return out;
}
