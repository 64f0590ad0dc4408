import type { ClickstreamEvent } from './schema/event.js';

/** `{"sent_at":1764000000000,"events":[]}` and a margin: the body around the events. */
const ENVELOPE_BYTES = 40;

/** UTF-8 bytes of a text. */
export const byteSize = (text: string): number => new Blob([text]).size;

/**
 * Cuts events, in order, into batches of at most `maxEvents` events and `maxBytes` of request
 * body. An event too large on its own gets a batch of its own (the server's 413 drops it).
 */
export function packBatches(
  events: ClickstreamEvent[],
  maxEvents: number,
  maxBytes: number,
): ClickstreamEvent[][] {
  const batches: ClickstreamEvent[][] = [];
  let batch: ClickstreamEvent[] = [];
  let bytes = 0;
  for (const event of events) {
    // Its JSON and the comma.
    const size = byteSize(JSON.stringify(event)) + 1;
    if (!batch[0] || batch.length >= maxEvents || bytes + size > maxBytes) {
      batch = [];
      batches.push(batch);
      bytes = ENVELOPE_BYTES;
    }
    batch.push(event);
    bytes += size;
  }
  return batches;
}
