import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TimedAction } from '../model/actions.js';
import type { VisitorScript } from '../model/simulate.js';
import { DeliveryRelay } from './relay.js';
import { performAction } from './store-actions.js';

/** The store recorded other events than the model says this visitor's actions record. */
export class StoreMismatchError extends Error {
  override name = 'StoreMismatchError';
}

export interface VisitorRunOptions {
  origin: string;
  endpoint: string;
  appId: string;
  userAgent: string;
  flaky: boolean;
  runId: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** A page's path and query as listed in a mismatch: decoded, any order id as `:id` (the store's own). */
const pathOf = (url: string | null) => {
  const parsed = new URL(url ?? '/', 'http://x');
  return decodeURIComponent(`${parsed.pathname}${parsed.search}`).replace(
    /^\/orders\/.+/,
    '/orders/:id',
  );
};
const step = (event: { name: string; path: string }) => `${event.name} ${pathOf(event.path)}`;
const counts = (names: string[]) => {
  const map = new Map<string, number>();
  for (const name of names) map.set(name, (map.get(name) ?? 0) + 1);
  return [...map].sort(([a], [b]) => a.localeCompare(b));
};

/**
 * One visitor in a browser context of their own (their own SDK state, cart and login
 * cookies), all their sessions in order on a clock that jumps from action to action at the
 * model's times: the idle time between them costs nothing.
 */
export async function runVisitor(
  browser: Browser,
  script: VisitorScript,
  options: VisitorRunOptions,
): Promise<DeliveryRelay> {
  const context = await browser.newContext({ userAgent: options.userAgent });
  const relay = new DeliveryRelay(options.endpoint, options.flaky);
  await relay.attach(context);
  const first = script.sessions[0]?.actions[0]?.at ?? Date.now();
  await context.clock.install({ time: first });
  let expected: string[] = [];
  try {
    for (const session of script.sessions) {
      const tabs: Page[] = [];
      for (const step of session.actions) {
        if (step.action.kind === 'reload' || step.action.kind === 'close-tab') {
          // The page is about to go: what it queued leaves first, over the relay (a request
          // sent while a page unloads bypasses it and would keep the simulated sent_at).
          await settle(context, relay, expected, session.events.slice(0, step.eventsBefore));
        }
        await moveClockTo(context, tabs, step);
        await performAction(context, tabs, step.action, options);
      }
      expected = [...expected, ...session.events.map(step)];
      await settle(context, relay, expected, []);
      for (const tab of tabs) await tab.close();
    }
    const apps = new Set([...relay.delivered.values()].map((event) => event.app_id));
    if (apps.size > 0 && !apps.has(options.appId)) {
      throw new StoreMismatchError(
        `the store records as app ${[...apps].join(', ')}, not ${options.appId}: pass --app-id ${[...apps][0]}`,
      );
    }
    return relay;
  } finally {
    await context.close();
  }
}

/** Before the first action of a session no page is open: set the time; else jump to it. */
async function moveClockTo(context: BrowserContext, tabs: Page[], step: TimedAction) {
  const page = tabs.at(-1);
  if (!page) return context.clock.setSystemTime(step.at);
  const now = await page.evaluate(() => Date.now());
  if (step.at > now) await context.clock.fastForward(step.at - now);
}

/**
 * Waits until ingest has acknowledged every event the visitor recorded so far (earlier
 * sessions' plus `current`), moving the clock on so the SDK's flush and retry timers fire;
 * then checks they are the events the model says: the same names on the same pages, as often.
 */
async function settle(
  context: BrowserContext,
  relay: DeliveryRelay,
  before: string[],
  current: Array<{ name: string; path: string }>,
): Promise<void> {
  const want = [...before, ...current.map(step)];
  for (let round = 0; relay.delivered.size < want.length && round < 40; round += 1) {
    await context.clock.fastForward(round === 0 ? 5_500 : 2_000);
    for (let i = 0; i < 10 && relay.delivered.size < want.length; i += 1) await sleep(100);
  }
  const got = [...relay.delivered.values()]
    .sort((a, b) => a.event_timestamp - b.event_timestamp)
    .map((event) => `${event.event_name} ${pathOf(event.page_url)}`);
  // Each event on its page, as often as the model says (events recorded in the same
  // millisecond may come in either order).
  if (JSON.stringify(counts(got)) !== JSON.stringify(counts(want))) {
    throw new StoreMismatchError(
      `the store recorded other events than the model says:\n  recorded: ${got.join(', ')}\n  expected: ${want.join(', ')}`,
    );
  }
}
