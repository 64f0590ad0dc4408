import type { HttpApiResult } from './api-gateway.js';
import type { DroppedAttributeNote, Rejection } from './sort-events.js';

/** Every answer is JSON (or empty); CORS headers are added by the caller. */
export function jsonResult(
  statusCode: number,
  body: unknown,
  headers: Record<string, string> = {},
): HttpApiResult {
  return {
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(body),
  };
}

export function emptyResult(statusCode: number, headers: Record<string, string>): HttpApiResult {
  return { statusCode, headers, body: '' };
}

export function errorResult(
  statusCode: number,
  error: string,
  headers: Record<string, string> = {},
): HttpApiResult {
  return jsonResult(statusCode, { error }, headers);
}

/** The 200 answer: how many events are stored, and why each refused one was refused. */
export function acceptedResult(
  accepted: number,
  rejected: Rejection[],
  dropped: DroppedAttributeNote[],
  headers: Record<string, string>,
): HttpApiResult {
  const body: Record<string, unknown> = { accepted, rejected };
  // Only present when something was dropped, so the common answer stays `{accepted, rejected}`.
  if (dropped.length > 0) body.dropped_attributes = dropped;
  return jsonResult(200, body, headers);
}
