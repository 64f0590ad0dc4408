import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ClickstreamEvent } from '../../src/schema/event.js';
import { useRig } from './support/rig.js';

const rig = useRig();
// Each trial takes about a second; before the fix, 1 in 20 made two client ids and 3 in 20
// two sessions.
const TRIALS = 10;
const MINUTE = 60_000;
const TABS = 3;

/** Opens `TABS` tabs on `url` at the same moment and waits until each has delivered. */
async function openAtOnce(url: string): Promise<Page[]> {
  const { browser } = rig();
  const pages = await Promise.all(Array.from({ length: TABS }, () => browser.context.newPage()));
  await Promise.all(pages.map((page) => page.goto(url)));
  await Promise.all(
    pages.map(async (page) => {
      await page.waitForFunction(() => typeof window.ct === 'object');
      await page.evaluate(() => window.ct.flush());
    }),
  );
  return pages;
}

const count = (events: ClickstreamEvent[], name: string) =>
  events.filter((event) => event.event_name === name).length;

describe(`${TABS} tabs opened at the same moment`, () => {
  it(
    'make one client id, one first_visit and one session each time',
    async () => {
      const { server } = rig();
      const outcomes = [];
      for (let trial = 0; trial < TRIALS; trial++) {
        const appId = `fresh_${trial}`;
        const pages = await openAtOnce(server.pageWith({ appId }));
        const events = server.delivered().filter((event) => event.app_id === appId);
        outcomes.push({
          clientIds: new Set(events.map((event) => event.client_id)).size,
          sessions: new Set(events.map((event) => event.session_id)).size,
          firstVisits: count(events, 'first_visit'),
          sessionStarts: count(events, 'session_start'),
        });
        await Promise.all(pages.map((page) => page.close()));
      }
      const once = { clientIds: 1, sessions: 1, firstVisits: 1, sessionStarts: 1 };
      expect(outcomes).toEqual(Array.from({ length: TRIALS }, () => once));
    },
    2 * MINUTE,
  );

  it(
    `start one new session between them when the last one expired (${TRIALS / 2} times)`,
    async () => {
      const { server } = rig();
      const outcomes = [];
      // Long enough that the three loads of a trial fall within one session on a busy machine.
      const sessionTimeoutMs = 1_500;
      for (let trial = 0; trial < TRIALS / 2; trial++) {
        const appId = `returning_${trial}`;
        const url = server.pageWith({ appId, sessionTimeoutMs });
        const earlier = await openAtOnce(url);
        await Promise.all(earlier.map((page) => page.close()));
        await new Promise((resolve) => setTimeout(resolve, sessionTimeoutMs + 100));
        const pages = await openAtOnce(url);
        const events = server.delivered().filter((event) => event.app_id === appId);
        outcomes.push({
          sessions: new Set(events.map((event) => event.session_id)).size,
          sessionStarts: count(events, 'session_start'),
        });
        await Promise.all(pages.map((page) => page.close()));
      }
      const twoSessions = { sessions: 2, sessionStarts: 2 };
      expect(outcomes).toEqual(Array.from({ length: TRIALS / 2 }, () => twoSessions));
    },
    2 * MINUTE,
  );
});
