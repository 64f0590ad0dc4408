import { describe, expect, it } from 'vitest';
import { cleanAttributes } from './attributes.js';

describe('cleanAttributes', () => {
  it('keeps scalar values under valid names', () => {
    const attributes = { a: 'x', b: 1, c: true, d: null };
    expect(cleanAttributes(attributes)).toEqual({ attributes, dropped: [] });
  });

  it('drops names over 50 characters or not matching the pattern', () => {
    const { dropped } = cleanAttributes({ ['a'.repeat(51)]: 1, '1st': 1, 'with-dash': 1 });
    expect(dropped.map((d) => d.reason)).toEqual(['invalid name', 'invalid name', 'invalid name']);
  });

  it('drops values over 1,024 characters', () => {
    expect(cleanAttributes({ ok: 'x'.repeat(1024), long: 'x'.repeat(1025) })).toMatchObject({
      attributes: { ok: 'x'.repeat(1024) },
      dropped: [{ name: 'long', reason: 'value too long' }],
    });
  });

  it('keeps at most 500 attributes', () => {
    const many = Object.fromEntries(Array.from({ length: 502 }, (_, i) => [`a${i}`, i]));
    const { attributes, dropped } = cleanAttributes(many);
    expect(Object.keys(attributes)).toHaveLength(500);
    expect(dropped).toEqual([
      { name: 'a500', reason: 'too many attributes' },
      { name: 'a501', reason: 'too many attributes' },
    ]);
  });

  it('never lets a hostile key reach a prototype', () => {
    const hostile = JSON.parse('{"__proto__": {"polluted": 1}, "constructor": 1, "fine": 1}');
    const { attributes, dropped } = cleanAttributes(hostile);
    expect(attributes).toEqual({ fine: 1 });
    expect(dropped.map((d) => d.reason)).toEqual(['invalid name', 'invalid name']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('drops non-finite numbers, objects and arrays', () => {
    expect(cleanAttributes({ n: Number.NaN, o: {}, a: [] }).dropped).toHaveLength(3);
  });
});
