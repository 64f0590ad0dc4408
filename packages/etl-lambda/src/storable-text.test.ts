import { describe, expect, it } from 'vitest';
import { storableExcerpt, storableText } from './storable-text.js';

describe('storableText', () => {
  it('replaces NUL and unpaired surrogates with U+FFFD and keeps pairs', () => {
    expect(storableText('a\u0000b\ud83dc\ude00🛒')).toBe('a\uFFFDb\uFFFDc\uFFFD🛒');
  });

  it('returns ordinary text unchanged', () => {
    expect(storableText('café 🛒')).toBe('café 🛒');
  });
});

describe('storableExcerpt', () => {
  it('cuts before a surrogate pair rather than inside it', () => {
    expect(storableExcerpt('ab🛒', 3)).toBe('ab');
    expect(storableExcerpt('a🛒b', 3)).toBe('a🛒');
  });

  it('keeps text shorter than the limit whole, lone halves replaced', () => {
    expect(storableExcerpt('x\ud83d', 10)).toBe('x\uFFFD');
  });
});
