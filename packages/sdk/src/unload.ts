import { byteSize, packBatches } from './batches.js';
import type { Log } from './log.js';
import type { ClickstreamEvent } from './schema/event.js';
import { batchBody, beacon, postBatch } from './transport.js';

/** Browsers let all keepalive requests of a page carry 64 KB at most; leave room for others. */
export const KEEPALIVE_BUDGET_BYTES = 60_000;

/**
 * Sends what the page still holds as it goes away, in batches of at most `maxEvents` and of
 * the keepalive budget: keepalive fetches while the page-wide budget lasts, then `sendBeacon`
 * (which halves what it refuses). Nothing leaves the queue here unless a keepalive answer
 * arrives in time; the rest is sent again on the next page load and deduplicated by
 * `event_id` downstream, so an unload can repeat a request but never lose an event.
 */
export function sendOnUnload(
  endpoint: string,
  events: ClickstreamEvent[],
  maxEvents: number,
  acknowledge: (ids: string[]) => void,
  log: Log,
): void {
  let budget = KEEPALIVE_BUDGET_BYTES;
  for (const part of packBatches(events, maxEvents, budget)) {
    const body = batchBody(part);
    const size = byteSize(body);
    if (size <= budget) {
      budget -= size;
      void postBatch(endpoint, body, true).then(
        (answer) => answer.outcome === 'sent' && acknowledge(part.map((event) => event.event_id)),
      );
    } else log(`unload: beacon ${part.length} ${beacon(endpoint, part)}`);
  }
}
