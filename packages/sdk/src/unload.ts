import type { Log } from './log.js';
import type { ClickstreamEvent } from './schema/event.js';
import { batchBody, beacon, postBatch } from './transport.js';

/** Browsers let all keepalive requests of a page carry 64 KB at most; leave room for others. */
export const KEEPALIVE_BUDGET_BYTES = 60_000;
const CHUNK_BYTES = 16_000;

const bytes = (text: string) => new Blob([text]).size;

/** Splits events into bodies of at most `maxEvents` and about `maxBytes` each. */
export function chunk(events: ClickstreamEvent[], maxEvents: number, maxBytes = CHUNK_BYTES) {
  const chunks: ClickstreamEvent[][] = [];
  let current: ClickstreamEvent[] = [];
  let size = 0;
  for (const event of events) {
    const eventBytes = bytes(JSON.stringify(event));
    if (current.length > 0 && (current.length >= maxEvents || size + eventBytes > maxBytes)) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(event);
    size += eventBytes;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/**
 * Sends what the page still holds as it goes away: keepalive fetches while the page-wide
 * budget lasts, then `sendBeacon`. Nothing leaves the queue here unless a keepalive answer
 * arrives in time; the rest is sent again on the next page load and deduplicated by
 * `event_id` downstream, so an unload can duplicate a request but never lose an event.
 */
export function sendOnUnload(
  endpoint: string,
  events: ClickstreamEvent[],
  maxEvents: number,
  acknowledge: (ids: string[]) => void,
  log: Log,
): void {
  let budget = KEEPALIVE_BUDGET_BYTES;
  for (const part of chunk(events, maxEvents)) {
    const body = batchBody(part);
    const size = bytes(body);
    const ids = part.map((event) => event.event_id);
    if (size <= budget) {
      budget -= size;
      void postBatch(endpoint, body, true).then((answer) => {
        if (answer.outcome === 'sent') acknowledge(ids);
      });
      log(`unload: keepalive ${part.length}`);
    } else {
      log(`unload: beacon ${part.length} ${beacon(endpoint, part)}`);
    }
  }
}
