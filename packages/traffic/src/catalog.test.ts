import { describe, expect, it } from 'vitest';
import { makeCatalog } from './catalog.js';
import { Random } from './random.js';

describe('the ingest driver catalog', () => {
  it('names every product differently, with its brand, for every seed', () => {
    for (let seed = 1; seed <= 50; seed += 1) {
      const catalog = makeCatalog(new Random(seed));
      expect(new Set(catalog.map((product) => product.name)).size).toBe(catalog.length);
      for (const product of catalog)
        expect(product.name.startsWith(`${product.brand} `)).toBe(true);
    }
  });
});
