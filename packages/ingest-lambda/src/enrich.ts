import {
  type ClickstreamEvent,
  LIMITS,
  type RawEnvelope,
  type RawEvent,
} from '@clicktrail/sdk/schema';

/** What the server knows about the request an event came in. */
export interface RequestFacts {
  receivedAt: number;
  requestId: string;
  /** `sent_at` of the batch, as the client sent it (null when absent). */
  sentAt: number | null;
  clientIp: string | null;
  userAgent: string | null;
}

/**
 * How far the device clock is behind the server's (`received_at - sent_at`), PostHog style.
 * A `sent_at` that is no plausible epoch time is kept in the envelope but not used.
 */
export function clockSkew(facts: RequestFacts): number {
  const { sentAt, receivedAt } = facts;
  if (sentAt === null || !(sentAt >= 1 && sentAt <= LIMITS.maxTimestamp)) return 0;
  return receivedAt - Math.round(sentAt);
}

/**
 * Moves the device time onto the server clock: shifted by the skew, never later than
 * the receive time (an event cannot happen after it arrived), never before the epoch.
 */
export function correctedTimestamp(deviceTimestamp: number, skew: number, receivedAt: number) {
  return Math.min(receivedAt, Math.max(1, deviceTimestamp + skew));
}

/** The envelope every line of one request shares. */
export function envelopeFor(facts: RequestFacts): Omit<RawEnvelope, 'device_timestamp'> {
  return {
    raw_version: 1,
    received_at: facts.receivedAt,
    request_id: facts.requestId,
    sent_at: facts.sentAt,
    clock_skew_ms: clockSkew(facts),
    client_ip: facts.clientIp,
    user_agent: facts.userAgent,
  };
}

/**
 * A validated event plus its envelope: one line of a raw `events/` object. Takes over the
 * event (a fresh copy made by `validateEvent`) instead of spreading it into a new object,
 * which measured ten times slower per event.
 */
export function enrichEvent(
  event: ClickstreamEvent,
  envelope: Omit<RawEnvelope, 'device_timestamp'>,
): RawEvent {
  const device = event.event_timestamp;
  const raw = Object.assign(event, envelope) as RawEvent;
  raw.event_timestamp = correctedTimestamp(device, envelope.clock_skew_ms, envelope.received_at);
  raw.device_timestamp = device;
  return raw;
}
