import { beforeEach, describe, expect, it } from 'vitest';
import { createLocalState } from './local-state.js';
import { createSessions } from './session.js';

const THIRTY_MINUTES = 1_800_000;
const silent = () => {};
const tab = () => createSessions(createLocalState(true, silent), THIRTY_MINUTES);

beforeEach(() => localStorage.clear());

describe('sessions', () => {
  it('starts session 1 on the first event', () => {
    expect(tab().touch(1_000)).toMatchObject({ number: 1, isNew: true });
  });

  it('keeps the session while events come within 30 minutes', () => {
    const sessions = tab();
    const first = sessions.touch(0);
    const later = sessions.touch(THIRTY_MINUTES - 1);
    expect(later).toMatchObject({ id: first.id, isNew: false });
  });

  it('starts session 2 after 30 minutes without activity, visible or not', () => {
    const sessions = tab();
    const first = sessions.touch(0);
    const next = sessions.touch(THIRTY_MINUTES);
    expect(next).toMatchObject({ number: 2, isNew: true });
    expect(next.id).not.toBe(first.id);
  });

  it('counts user interaction as activity', () => {
    const sessions = tab();
    const first = sessions.touch(0);
    sessions.extend(THIRTY_MINUTES - 1);
    expect(sessions.touch(THIRTY_MINUTES + 10).id).toBe(first.id);
  });

  it('does not revive an expired session on interaction', () => {
    const sessions = tab();
    sessions.touch(0);
    sessions.extend(THIRTY_MINUTES * 2);
    expect(sessions.touch(THIRTY_MINUTES * 2 + 1).isNew).toBe(true);
  });

  it('is shared by the tabs of a browser', () => {
    const [one, two] = [tab(), tab()];
    const started = one.touch(0);
    expect(two.touch(10)).toMatchObject({ id: started.id, isNew: false });
  });

  it('moves every tab to the new session when one tab starts it', () => {
    const [one, two] = [tab(), tab()];
    one.touch(0);
    two.touch(1);
    const renewed = one.touch(THIRTY_MINUTES + 5);
    expect(two.current()?.id).toBe(renewed.id);
    expect(two.touch(THIRTY_MINUTES + 6)).toMatchObject({
      id: renewed.id,
      number: 2,
      isNew: false,
    });
  });
});
