import { shopperEmail } from '../model/actions.js';
import { type SimulationOptions, simulate } from '../model/simulate.js';
import type { Ledger } from '../truth/ledger.js';
import { makeLedger } from '../truth/make-ledger.js';
import { findChromium } from './launch.js';
import { runBrowserTraffic } from './run-browser.js';
import { runOrders, storeCatalog } from './store-database.js';

/** The orders the store made are not what the model says its shoppers bought. */
export class OrdersMismatchError extends Error {
  override name = 'OrdersMismatchError';
}

export interface DriveBrowserOptions {
  origin: string;
  endpoint: string;
  databaseUrl: string;
  concurrency: number;
  dryRun: boolean;
  writeTruth(ledger: Ledger): Promise<void>;
  progress(line: string): void;
}

/**
 * `--via browser`: the model over the store's own products (no visitors known from before:
 * a fresh browser has no SDK state; sessions in the daytime), every visitor through the
 * store in Chromium, then the ledger with the orders the store holds for this run's
 * shoppers, which must match the model's purchases and revenue to the cent.
 */
export async function driveBrowser(
  base: Omit<SimulationOptions, 'catalog'>,
  options: DriveBrowserOptions,
): Promise<string> {
  findChromium(); // before anything else: no browser, no run
  const catalog = await storeCatalog(options.databaseUrl);
  if (catalog.length === 0) throw new Error('the store has no products in stock: seed it first');
  const simulation = simulate({
    ...base,
    catalog,
    knownVisitors: false,
    daytimeOnly: true,
    reloadRecordsPurchase: false,
  });
  const ledger = makeLedger(simulation, 'browser');
  const line = `${simulation.events.length} events of ${base.visitors} visitors over ${simulation.from}..${simulation.to}`;
  if (options.dryRun) {
    await options.writeTruth(ledger);
    return `simulated ${line} (dry run: nothing done)`;
  }
  const runId = `r${Date.now().toString(36)}`;
  const report = await runBrowserTraffic(simulation, {
    origin: options.origin,
    endpoint: options.endpoint,
    appId: base.appId,
    runId,
    concurrency: options.concurrency,
    onVisitor: (done, total) => options.progress(`[browser] ${done}/${total} visitors done`),
  });
  const suffix = shopperEmail('', runId);
  const orders = await runOrders(options.databaseUrl, suffix);
  const whole = ledger.ranges.find((r) => r.from === ledger.from && r.to === ledger.to);
  const expected = { count: whole?.purchases ?? 0, revenue_cents: whole?.revenue_cents ?? 0 };
  await options.writeTruth({ ...ledger, orders });
  if (orders.count !== expected.count || orders.revenue_cents !== expected.revenue_cents) {
    throw new OrdersMismatchError(
      `the store holds ${orders.count} orders for ${(orders.revenue_cents / 100).toFixed(2)}, the model bought ${expected.count} for ${(expected.revenue_cents / 100).toFixed(2)}`,
    );
  }
  return `shopped ${line} in Chromium: ${report.events} events delivered in ${report.requests} requests (${report.lostAcks} acknowledgements lost and resent), ${orders.count} orders for ${(orders.revenue_cents / 100).toFixed(2)} in the store`;
}
