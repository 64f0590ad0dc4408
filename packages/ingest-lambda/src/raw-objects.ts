import { gzipSync } from 'node:zlib';
import type { RawEvent } from '@clicktrail/sdk/schema';
import type { RequestFacts } from './enrich.js';
import type { DroppedAttributeNote, Rejection } from './sort-events.js';

/** gzip NDJSON, one line per value: the format of every raw object. */
export function gzipNdjson(lines: readonly string[]): Buffer {
  return gzipSync(`${lines.join('\n')}\n`);
}

/** One `events/` line per accepted event: a `RawEvent`, as `validateRawEvent` reads it back. */
export function eventLines(events: readonly RawEvent[]): string[] {
  return events.map((event) => JSON.stringify(event));
}

/** The refused event as it came, unless it cannot be written (nested too deeply to stringify). */
function originalEvent(input: unknown): { event: unknown } | { event: null; note: string } {
  try {
    JSON.stringify(input);
    return { event: input };
  } catch {
    return { event: null, note: 'the event could not be kept: nested too deeply to serialise' };
  }
}

/**
 * One `rejected/` line per refused event (`kind: "event"`, with the event as it came) and
 * per attribute dropped from an accepted event (`kind: "attribute"`), each with its reason,
 * so nothing is dropped without a trace.
 */
export function rejectedLines(
  facts: RequestFacts,
  events: readonly unknown[],
  rejected: readonly Rejection[],
  dropped: readonly DroppedAttributeNote[],
): string[] {
  const envelope = {
    raw_version: 1,
    received_at: facts.receivedAt,
    request_id: facts.requestId,
    sent_at: facts.sentAt,
    client_ip: facts.clientIp,
    user_agent: facts.userAgent,
  };
  const refused = rejected.map((rejection) =>
    JSON.stringify({
      kind: 'event',
      ...envelope,
      ...rejection,
      ...originalEvent(events[rejection.index]),
    }),
  );
  const attributes = dropped.map((note) =>
    JSON.stringify({ kind: 'attribute', ...envelope, ...note }),
  );
  return [...refused, ...attributes];
}
