import { type RawEvent, validateEvent } from '@clicktrail/sdk/schema';
import { enrichEvent, envelopeFor, type RequestFacts } from './enrich.js';

/** A refused event, as the answer reports it. */
export interface Rejection {
  index: number;
  event_id: string | null;
  reason: string;
}

/** An attribute dropped from an event that was still accepted. */
export interface DroppedAttributeNote {
  index: number;
  event_id: string;
  name: string;
  reason: string;
}

export interface SortedEvents {
  accepted: RawEvent[];
  rejected: Rejection[];
  dropped: DroppedAttributeNote[];
}

/** The event id a refused event claimed, if it is a short string, for the answer. */
function claimedId(input: unknown): string | null {
  if (typeof input !== 'object' || input === null) return null;
  const id = (input as { event_id?: unknown }).event_id;
  return typeof id === 'string' && id.length <= 64 ? id : null;
}

/**
 * Checks every event on its own (one bad event never sinks its batch), enriches the good
 * ones, and refuses a second copy of an event id within one request.
 */
export function sortEvents(events: readonly unknown[], facts: RequestFacts): SortedEvents {
  const envelope = envelopeFor(facts);
  const sorted: SortedEvents = { accepted: [], rejected: [], dropped: [] };
  const firstIndex = new Map<string, number>();
  events.forEach((input, index) => {
    const checked = validateEvent(input);
    if (!checked.ok) {
      sorted.rejected.push({ index, event_id: claimedId(input), reason: checked.reason });
      return;
    }
    const id = checked.event.event_id;
    const earlier = firstIndex.get(id);
    if (earlier !== undefined) {
      const reason = `event_id: duplicate of event ${earlier} in this request`;
      sorted.rejected.push({ index, event_id: id, reason });
      return;
    }
    firstIndex.set(id, index);
    for (const { name, reason } of checked.dropped) {
      sorted.dropped.push({ index, event_id: id, name, reason });
    }
    sorted.accepted.push(enrichEvent(checked.event, envelope));
  });
  return sorted;
}
