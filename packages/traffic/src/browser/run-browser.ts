import type { Simulation } from '../model/simulate.js';
import { USER_AGENTS } from '../user-agents.js';
import { launchBrowser } from './launch.js';
import type { DeliveryRelay } from './relay.js';
import { runVisitor } from './visitor-run.js';

export interface BrowserRunOptions {
  origin: string;
  endpoint: string;
  appId: string;
  runId: string;
  /** Visitors shopping at once (each in a context of its own). */
  concurrency: number;
  onVisitor?: (done: number, total: number) => void;
}

export interface BrowserRunReport {
  visitors: number;
  requests: number;
  lostAcks: number;
  events: number;
}

/** Every visitor of the simulation through the store in Chromium, a few at a time. */
export async function runBrowserTraffic(
  simulation: Simulation,
  options: BrowserRunOptions,
): Promise<BrowserRunReport> {
  const browser = await launchBrowser();
  const relays: DeliveryRelay[] = [];
  const visits = simulation.visits.filter((visit) => visit.sessions.length > 0);
  let next = 0;
  const worker = async () => {
    while (next < visits.length) {
      const index = next;
      next += 1;
      const visit = visits[index] as (typeof visits)[number];
      relays.push(
        await runVisitor(browser, visit, {
          origin: options.origin,
          endpoint: options.endpoint,
          appId: options.appId,
          userAgent: USER_AGENTS[visit.visitor.charCodeAt(0) % USER_AGENTS.length] as string,
          flaky: simulation.flakyVisitors.has(visit.visitor),
          runId: options.runId,
        }),
      );
      options.onVisitor?.(relays.length, visits.length);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
  } finally {
    await browser.close();
  }
  return {
    visitors: visits.length,
    requests: relays.reduce((sum, relay) => sum + relay.requests, 0),
    lostAcks: relays.reduce((sum, relay) => sum + relay.lostAcks, 0),
    events: relays.reduce((sum, relay) => sum + relay.delivered.size, 0),
  };
}
