import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { event } from '../test-support/fixture.js';
import { type FixtureWarehouse, fixtureWarehouse } from '../test-support/fixture-warehouse.js';
import { retention } from './retention.js';

const UA = 'Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0';
const at = (client: string, day: string, name = 'page_view') =>
  event({
    client,
    session: `${client}-${day}`,
    at: `${day}T10:00:00`,
    name,
    url: 'https://shop.example/',
    ua: UA,
  });

// Y: first visit on 11-17, never back. Z: a first visit on 11-02 and another on 11-18 (its
// storage was cleared but its client id kept), back on 11-25. W: first visit on 11-03,
// active on 11-20 only: no first visit in the range, in no cohort.
let warehouse: FixtureWarehouse;
beforeAll(async () => {
  warehouse = await fixtureWarehouse([
    at('client-y', '2026-11-17', 'first_visit'),
    at('client-z', '2026-11-02', 'first_visit'),
    at('client-z', '2026-11-18', 'first_visit'),
    at('client-z', '2026-11-25'),
    at('client-w', '2026-11-03', 'first_visit'),
    at('client-w', '2026-11-20'),
  ]);
});
afterAll(() => warehouse?.close());

describe('retention', () => {
  it('puts a client in the cohort of its first first_visit in the range, even with an earlier one', async () => {
    const r = await warehouse.reader.read((q) =>
      retention(q, { from: '2026-11-16', to: '2026-11-29', appId: null, timeZone: 'UTC' }),
    );
    expect(r.cohorts).toEqual([
      { cohort_week: '2026-11-16', clients: 2, week_offset: 0, active_clients: 2, share: 1 },
      { cohort_week: '2026-11-16', clients: 2, week_offset: 1, active_clients: 1, share: 0.5 },
    ]);
  });
});
