import { LIMITS } from '@clicktrail/sdk/schema';
import type { SimEvent } from '../model/sim-event.js';
import type { WireEvent } from './wire-events.js';

/** One request the driver sends; `copies` > 1 when a lost acknowledgement makes the client resend. */
export interface PlannedBatch {
  events: WireEvent[];
  copies: number;
}

/** The SDK's default batch size (contract.md: `maxBatchEvents: 50`). */
export const SDK_BATCH_EVENTS = 50;

/**
 * Groups events as a browser delivers them: per session and tab, up to the SDK's batch
 * size, in time order. Visitors on flaky networks have every batch sent twice (the first
 * acknowledgement was lost), so ingest stores their events twice and the warehouse must
 * keep them once.
 */
export function planBatches(
  sim: readonly SimEvent[],
  wire: readonly WireEvent[],
  flakyVisitors: ReadonlySet<string>,
): PlannedBatch[] {
  const size = Math.min(SDK_BATCH_EVENTS, LIMITS.maxBatchEvents);
  const open = new Map<string, PlannedBatch>();
  const batches: PlannedBatch[] = [];
  sim.forEach((event, index) => {
    const key = `${event.visitor}\0${event.session}\0${event.tab}`;
    let batch = open.get(key);
    if (!batch || batch.events.length >= size) {
      batch = { events: [], copies: flakyVisitors.has(event.visitor) ? 2 : 1 };
      open.set(key, batch);
      batches.push(batch);
    }
    batch.events.push(wire[index] as WireEvent);
  });
  return batches;
}
