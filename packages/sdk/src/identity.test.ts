import { describe, expect, it } from 'vitest';
import { assign, merge, type Stored } from './identity.js';
import type { ClickstreamEvent } from './schema/event.js';

const THIRTY_MINUTES = 1_800_000;
const at = (event_timestamp: number, event_name = 'view_item') =>
  ({ event_id: `e${event_timestamp}`, event_name, event_timestamp }) as ClickstreamEvent;
const names = (events: ClickstreamEvent[]) => events.map((event) => event.event_name);

describe('assign', () => {
  it('starts a client id and session 1 with first_visit and session_start before the first event', () => {
    const stored: Stored = {};
    const events = assign(stored, [at(1_000)], THIRTY_MINUTES, 'new-client');
    expect(names(events)).toEqual(['session_start', 'first_visit', 'view_item']);
    expect(events.every((event) => event.client_id === 'new-client')).toBe(true);
    expect(events.every((event) => event.session_number === 1 && event.is_first_visit)).toBe(true);
  });

  it('keeps the session while events come within 30 minutes', () => {
    const stored: Stored = {};
    const [first] = assign(stored, [at(0)], THIRTY_MINUTES, 'new-client');
    const later = assign(stored, [at(THIRTY_MINUTES - 1)], THIRTY_MINUTES, 'new-client');
    expect(names(later)).toEqual(['view_item']);
    expect(later[0]?.session_id).toBe(first?.session_id);
  });

  it('starts session 2 after 30 minutes without activity, with no second first_visit', () => {
    const stored: Stored = {};
    assign(stored, [at(0)], THIRTY_MINUTES, 'new-client');
    const next = assign(stored, [at(THIRTY_MINUTES)], THIRTY_MINUTES, 'new-client');
    expect(names(next)).toEqual(['session_start', 'view_item']);
    expect(next[1]).toMatchObject({ session_number: 2, is_first_visit: false });
  });

  it('gives held events the stored identity and session when they are still alive', () => {
    const stored: Stored = { cid: 'kept', session: { id: 's1', number: 4, at: 5_000 } };
    const events = assign(stored, [at(4_000), at(6_000)], THIRTY_MINUTES, 'new-client');
    expect(names(events)).toEqual(['view_item', 'view_item']);
    expect(events.map((event) => [event.client_id, event.session_id])).toEqual([
      ['kept', 's1'],
      ['kept', 's1'],
    ]);
    expect(stored.session?.at).toBe(6_000);
  });
});

describe('merge', () => {
  it('takes the client id IndexedDB kept when localStorage lost it', () => {
    expect(merge({ cid: 'durable' }, {}).cid).toBe('durable');
  });

  it('prefers localStorage for the client id and the user', () => {
    const user = { user_id: 'u', user_login_state: 'logged_in', identity_source: null } as const;
    expect(merge({ cid: 'old' }, { cid: 'local', user })).toMatchObject({ cid: 'local', user });
  });

  it('takes the session that started last', () => {
    const older = { id: 'a', number: 1, at: 9 };
    const newer = { id: 'b', number: 2, at: 5 };
    expect(merge({ session: newer }, { session: older }).session).toBe(newer);
    expect(merge({ session: older }, { session: newer }).session).toBe(newer);
  });
});
