import { randomUUID } from 'node:crypto';
import { type HttpApiEvent, header } from './api-gateway.js';
import { truncateIp } from './client-ip.js';
import type { RequestFacts } from './enrich.js';

/** The raw line format bounds these (see `validateRawEvent`). */
const MAX_REQUEST_ID = 128;
const MAX_USER_AGENT = 1024;

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
    userAgent: agent ? agent.slice(0, MAX_USER_AGENT) : null,
  };
}
