import { describe, expect, it } from 'vitest';
import { createLocalState } from './local-state.js';

const silent = () => {};

describe('local state', () => {
  it('writes nothing to storage until persistence is on, then copies what it holds', () => {
    localStorage.clear();
    const state = createLocalState(false, silent);
    state.set('cid', 'abc');
    expect(localStorage.length).toBe(0);
    state.persist(true);
    expect(createLocalState(true, silent).get('cid')).toBe('abc');
  });

  it('clears storage when persistence is turned off', () => {
    localStorage.clear();
    const state = createLocalState(true, silent);
    state.set('cid', 'abc');
    state.persist(false);
    expect(localStorage.length).toBe(0);
  });
});
