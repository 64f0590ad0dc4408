import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { event } from '../test-support/fixture.js';
import { type FixtureWarehouse, fixtureWarehouse } from '../test-support/fixture-warehouse.js';
import { audience } from './audience.js';

const CHROME_130 =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36';
const CHROME_131 =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const view = (client: string, day: string, ua: string) =>
  event({
    client,
    session: `${client}-${day}`,
    at: `${day}T10:00:00`,
    name: 'page_view',
    url: 'https://shop.example/',
    ua,
  });

// U: Chrome 130 on Linux, then Chrome 131 on Windows (two agents, one browser, one device
// class: counted once in each). V: Chrome on Linux, then Safari on an iPhone (in both
// browsers and both device classes). X: no agent at all.
let warehouse: FixtureWarehouse;
beforeAll(async () => {
  warehouse = await fixtureWarehouse([
    view('client-u', '2026-11-16', CHROME_130),
    view('client-u', '2026-11-18', CHROME_131),
    view('client-v', '2026-11-16', CHROME_130),
    view('client-v', '2026-11-19', IPHONE),
    view('client-x', '2026-11-17', ''),
  ]);
});
afterAll(() => warehouse?.close());

describe('audience by browser and device', () => {
  it('counts a user once per class, whatever its agents in that class', async () => {
    const a = await warehouse.reader.read((q) =>
      audience(q, { from: '2026-11-16', to: '2026-11-22', appId: null, timeZone: 'UTC' }),
    );
    expect(a.browser).toEqual([
      { name: 'Chrome', count: 2 },
      { name: '(unknown)', count: 1 },
      { name: 'Safari', count: 1 },
    ]);
    expect(a.device).toEqual([
      { name: 'desktop', count: 2 },
      { name: 'mobile', count: 1 },
      { name: 'unknown', count: 1 },
    ]);
  });

  it('counts the days of a range only', async () => {
    const a = await warehouse.reader.read((q) =>
      audience(q, { from: '2026-11-18', to: '2026-11-19', appId: null, timeZone: 'UTC' }),
    );
    expect(a.browser).toEqual([
      { name: 'Chrome', count: 1 },
      { name: 'Safari', count: 1 },
    ]);
  });
});
