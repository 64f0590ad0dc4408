import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { event } from '../test-support/fixture.js';
import { type FixtureWarehouse, fixtureWarehouse } from '../test-support/fixture-warehouse.js';
import { funnel } from './funnel.js';

const UA = 'Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0';
const at = (client: string, time: string, name: string) =>
  event({
    client,
    session: `${client}-${time.slice(0, 10)}`,
    at: time,
    name,
    url: 'https://shop.example/products/mug',
    ua: UA,
  });

// V viewed before the range (11-10), added to cart on 11-17, viewed again on 11-18 and began
// checkout on 11-19: inside the range its first view is 11-18, after which it never added
// to cart, so it reaches the first step only (over all time it would reach the third).
// U views, adds and checks out inside the range.
let warehouse: FixtureWarehouse;
beforeAll(async () => {
  warehouse = await fixtureWarehouse([
    at('client-v', '2026-11-10T10:00:00', 'view_item'),
    at('client-v', '2026-11-17T10:00:00', 'add_to_cart'),
    at('client-v', '2026-11-18T10:00:00', 'view_item'),
    at('client-v', '2026-11-19T10:00:00', 'begin_checkout'),
    at('client-u', '2026-11-17T09:00:00', 'view_item'),
    at('client-u', '2026-11-17T09:01:00', 'add_to_cart'),
    at('client-u', '2026-11-18T09:00:00', 'begin_checkout'),
  ]);
});
afterAll(() => warehouse?.close());

const week = { from: '2026-11-16', to: '2026-11-22', timeZone: 'UTC' };

describe('closed funnel', () => {
  it('starts each client at its first view_item in the range, not before it', async () => {
    for (const appId of [null, 'shop']) {
      const f = await warehouse.reader.read((q) => funnel(q, { ...week, appId }, 'closed'));
      expect(f.steps.map((s) => s.clients)).toEqual([2, 1, 1, 0]);
    }
  });

  it('follows a whole chain that starts in the range', async () => {
    const f = await warehouse.reader.read((q) =>
      funnel(q, { from: '2026-11-01', to: '2026-11-30', appId: null, timeZone: 'UTC' }, 'closed'),
    );
    // V from 11-10: add to cart 11-17, checkout 11-19; U: all three.
    expect(f.steps.map((s) => s.clients)).toEqual([2, 2, 2, 0]);
  });
});
