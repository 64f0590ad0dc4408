import { join } from 'node:path';
import type { Ledger } from '@clicktrail/traffic';
import type { TestDatabase } from '@clicktrail/warehouse/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForEtlAfter } from './support/etl-wait.js';
import type { StackPorts } from './support/stack-process.js';
import { startTestStack, type TestStack } from './support/test-stack.js';
import { runBrowserTraffic, runTraffic, runVerify, wholeHistory } from './support/traffic.js';

/** The store's app id: the browser driver's events are recorded under it. */
const STORE_APP = 'truth-store';
/** The ingest driver posts under an app of its own, so the two ledgers never meet. */
const INGEST_APP = 'truth-ingest';
const SIMULATION = { seed: 4, visitors: 5, days: 2 };

let running: TestStack;
let dataDir: string;
let ports: StackPorts;
let server: TestDatabase | null;
let dashboard: string;

beforeAll(async () => {
  running = await startTestStack({
    appId: STORE_APP,
    needsStore: true,
  });
  ({ ports, dataDir, server } = running);
  dashboard = `http://127.0.0.1:${ports.DASHBOARD_PORT}`;
}, 300_000);

afterAll(async () => {
  await running?.stop();
});

describe('one behaviour model, two drivers, and the dashboard shows exactly their truth', () => {
  it('--via ingest: clicktrail-verify finds every figure of the ledger', async () => {
    await runTraffic(`http://127.0.0.1:${ports.INGEST_PORT}/clickstream`, dataDir, {
      ...SIMULATION,
      appId: INGEST_APP,
    });
    await waitForEtlAfter(dashboard, Date.now());
    const verify = await runVerify(join(dataDir, `truth-${SIMULATION.seed}.json`), dashboard);
    expect(verify.output).not.toContain('DIFFERS');
    expect(verify.code, verify.output).toBe(0);
  });

  let browser: { ledger: Ledger; report: string };

  it('--via browser: real shoppers in the store, whose orders are the ledger revenue', async () => {
    browser = await runBrowserTraffic(
      {
        origin: `http://localhost:${ports.STORE_PORT}`,
        endpoint: `http://localhost:${ports.INGEST_PORT}/clickstream`,
        databaseUrl:
          server?.url ?? `postgres://postgres@127.0.0.1:${ports.CLICKTRAIL_PG_PORT}/postgres`,
      },
      dataDir,
      { ...SIMULATION, appId: STORE_APP },
    );
    const whole = wholeHistory(browser.ledger);
    expect(browser.ledger.generator.via).toBe('browser');
    // The seed is chosen so that some shoppers buy: the check below is not 0 = 0.
    expect(whole.purchases).toBeGreaterThan(0);
    expect(browser.ledger.orders).toEqual({
      count: whole.purchases,
      revenue_cents: whole.revenue_cents,
    });
  });

  it('--via browser: clicktrail-verify finds every figure, and the orders, on the dashboard', async () => {
    await waitForEtlAfter(dashboard, Date.now());
    const truth = join(dataDir, `truth-browser-${SIMULATION.seed}.json`);
    const verify = await runVerify(truth, dashboard);
    expect(verify.output).toContain('orders in clickstream_web');
    expect(verify.output).not.toContain('DIFFERS');
    expect(verify.code, verify.output).toBe(0);
  });
});
