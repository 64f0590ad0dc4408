import { describe, expect, it } from 'vitest';
import { groupObjects } from './groups.js';

const objects = (sizes: number[]) =>
  sizes.map((size, i) => ({ key: `events/2026/11/20/${i}.ndjson.gz`, etag: String(i), size }));

describe('groupObjects', () => {
  it('closes a group at the object limit', () => {
    const groups = [...groupObjects(objects([1, 1, 1, 1, 1]), { objects: 2, bytes: 100 })];
    expect(groups.map((group) => group.length)).toEqual([2, 2, 1]);
  });

  it('closes a group before the byte limit, but never leaves a big object alone out', () => {
    const groups = [...groupObjects(objects([60, 50, 500, 10]), { objects: 10, bytes: 100 })];
    expect(groups.map((group) => group.map((object) => object.size))).toEqual([
      [60],
      [50],
      [500],
      [10],
    ]);
  });
});
