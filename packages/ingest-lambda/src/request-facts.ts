import { randomUUID } from 'node:crypto';
import { type HttpApiEvent, header } from './api-gateway.js';
import { truncateIp } from './client-ip.js';
import type { RequestFacts } from './enrich.js';

/** The raw line format bounds these (see `validateRawEvent`). */
const MAX_REQUEST_ID = 128;
const MAX_USER_AGENT = 1024;

type WellFormed = { toWellFormed(): string };

/**
 * At most `max` UTF-16 units, cut before a surrogate pair rather than inside it, and any
 * lone surrogate replaced: the raw line format refuses unpaired surrogates, and one would
 * send every event of the request to the ETL's quarantine.
 */
function storableCut(text: string, max: number): string {
  let end = Math.min(text.length, max);
  const last = text.charCodeAt(end - 1);
  if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
  return (text.slice(0, end) as unknown as WellFormed).toWellFormed();
}

/** Receive time, request id, truncated IP and user agent of one request; `sent_at` comes later. */
export function requestFacts(event: HttpApiEvent, now: () => number): Omit<RequestFacts, 'sentAt'> {
  const given = event.requestContext?.requestId;
  const requestId =
    typeof given === 'string' && given.length > 0 && given.length <= MAX_REQUEST_ID
      ? given
      : randomUUID();
  const agent = header(event, 'user-agent') ?? event.requestContext?.http?.userAgent;
  return {
    receivedAt: now(),
    requestId,
    clientIp: truncateIp(event.requestContext?.http?.sourceIp),
    userAgent: agent ? storableCut(agent, MAX_USER_AGENT) : null,
  };
}
