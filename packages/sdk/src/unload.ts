import { byteSize, packBatches } from './batches.js';
import { outcomeOf } from './retry.js';
import type { ClickstreamEvent } from './schema/event.js';
import { batchBody, beacon, postBatch } from './transport.js';

/** Browsers let all keepalive requests of a page carry 64 KB at most; leave room for others. */
export const KEEPALIVE_BUDGET_BYTES = 60_000;

/**
 * Sends what the page still holds as it goes away, in batches of at most `maxEvents` and of
 * the keepalive budget: keepalive fetches while the page-wide budget lasts, then `sendBeacon`
 * (which halves what it refuses). Events in `inFlight` (handed on an earlier call since the
 * page was last visible) are skipped; those sent join it. Not even a failed answer takes them
 * out: a page going away sees its requests fail although they reached the server (the
 * second send would be a duplicate); the caller empties it when the page is visible again. Nothing leaves the queue here unless a keepalive answer arrives in
 * time (`acknowledge`); the rest is sent again on the next page load and deduplicated by
 * `event_id` downstream, so an unload can repeat a request but never lose an event.
 */
export function sendOnUnload(
  endpoint: string,
  events: ClickstreamEvent[],
  maxEvents: number,
  inFlight: Set<string>,
  acknowledge: (ids: string[]) => void,
): void {
  let budget = KEEPALIVE_BUDGET_BYTES;
  const fresh = events.filter((event) => !inFlight.has(event.event_id));
  for (const part of packBatches(fresh, maxEvents, budget)) {
    const ids = part.map((event) => event.event_id);
    for (const id of ids) inFlight.add(id);
    const body = batchBody(part);
    const size = byteSize(body);
    if (size > budget) beacon(endpoint, part);
    else {
      budget -= size;
      void postBatch(endpoint, body, true).then(
        (answer) => outcomeOf(answer.status) === 'sent' && acknowledge(ids),
      );
    }
  }
}
