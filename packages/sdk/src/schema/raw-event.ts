import type { ClickstreamEvent } from './event.js';
import {
  type Fields,
  integer,
  optionalString,
  optionalTimestamp,
  requiredString,
  SchemaError,
  timestamp,
} from './fields.js';
import { validateEvent } from './validate-event.js';

/** What ingest adds to each accepted event before it is written to the raw store. */
export interface RawEnvelope {
  /** Version of this line format. */
  raw_version: 1;
  /** Server clock when the request arrived, epoch ms. */
  received_at: number;
  request_id: string;
  /** Device clock when the batch was sent, epoch ms, or null when the client sent none. */
  sent_at: number | null;
  /** `received_at - sent_at`: what was added to the device time to get `event_timestamp`. */
  clock_skew_ms: number;
  /** The event time as the device reported it. */
  device_timestamp: number;
  /** Client IP with its host part zeroed (IPv4 last octet, IPv6 last 80 bits). */
  client_ip: string | null;
  user_agent: string | null;
}

/** One line of a raw `events/YYYY/MM/DD/*.ndjson.gz` object. */
export type RawEvent = ClickstreamEvent & RawEnvelope;

export type RawEventCheck = { ok: true; event: RawEvent } | { ok: false; reason: string };

function readEnvelope(fields: Fields): RawEnvelope {
  if (fields.raw_version !== 1) throw new SchemaError('raw_version', 'expected 1');
  return {
    raw_version: 1,
    received_at: timestamp(fields, 'received_at'),
    request_id: requiredString(fields, 'request_id', { max: 128 }),
    sent_at: optionalTimestamp(fields, 'sent_at'),
    clock_skew_ms: integer(fields, 'clock_skew_ms', { min: Number.MIN_SAFE_INTEGER }),
    device_timestamp: timestamp(fields, 'device_timestamp'),
    client_ip: optionalString(fields, 'client_ip', 64),
    user_agent: optionalString(fields, 'user_agent', 1024),
  };
}

/** Checks one parsed line of a raw object, as the ETL reads it back. */
export function validateRawEvent(input: unknown): RawEventCheck {
  const checked = validateEvent(input);
  if (!checked.ok) return checked;
  try {
    // Assigned onto the fresh event rather than spread into a new object: ~5x cheaper per line.
    return { ok: true, event: Object.assign(checked.event, readEnvelope(input as Fields)) };
  } catch (error) {
    if (error instanceof SchemaError) return { ok: false, reason: error.message };
    throw error;
  }
}
