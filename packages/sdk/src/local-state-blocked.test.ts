import { describe, expect, it } from 'vitest';
import { createLocalState } from './local-state.js';

// Its own file: happy-dom's window keeps a replaced localStorage, and files run isolated.
describe('local state with storage failing', () => {
  it('keeps working in memory when localStorage throws on write (Safari private mode, quota)', () => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      value: {
        getItem: () => null,
        removeItem: () => {},
        setItem: () => {
          throw new DOMException('full', 'QuotaExceededError');
        },
      },
    });
    const state = createLocalState(true, () => {});
    expect(() => state.set('cid', 'abc')).not.toThrow();
    expect(state.get('cid')).toBe('abc');
  });

  it('keeps working when localStorage itself is blocked', () => {
    const original = Object.getOwnPropertyDescriptor(window, 'localStorage');
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get: () => {
        throw new DOMException('SecurityError');
      },
    });
    try {
      const state = createLocalState(true, () => {});
      state.set('cid', 'abc');
      expect(state.get('cid')).toBe('abc');
    } finally {
      if (original) Object.defineProperty(window, 'localStorage', original);
      else Reflect.deleteProperty(window, 'localStorage');
    }
  });
});
