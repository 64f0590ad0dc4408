import { describe, expect, it } from 'vitest';
import { createLocalStore } from './local-state.js';

// Its own file: happy-dom's window keeps a replaced localStorage, and files run isolated.
describe('local store with storage failing', () => {
  it('drops writes without throwing when localStorage throws on write (Safari private mode, quota)', () => {
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
    const store = createLocalStore();
    expect(() => store.write('cid', 'abc')).not.toThrow();
    expect(store.read('cid')).toBeUndefined();
  });

  it('reads nothing and never throws when localStorage itself is blocked', () => {
    const original = Object.getOwnPropertyDescriptor(window, 'localStorage');
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get: () => {
        throw new DOMException('SecurityError');
      },
    });
    try {
      const store = createLocalStore();
      store.write('cid', 'abc');
      expect(store.read('cid')).toBeUndefined();
      expect(store.keys()).toEqual([]);
    } finally {
      if (original) Object.defineProperty(window, 'localStorage', original);
      else Reflect.deleteProperty(window, 'localStorage');
    }
  });
});
