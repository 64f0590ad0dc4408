/**
 * The slice of API Gateway HTTP API (payload 2.0) that ingest reads and answers.
 * Written out here so the handler needs no `@types/aws-lambda` at run time or build time.
 */
export interface HttpApiEvent {
  rawPath: string;
  headers: Record<string, string | undefined>;
  body?: string | undefined;
  isBase64Encoded: boolean;
  requestContext: {
    requestId: string;
    timeEpoch?: number;
    http: { method: string; sourceIp?: string; userAgent?: string };
  };
}

export interface HttpApiResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

/** Header lookup that does not trust the caller to have lower-cased names (v2 does, tests may not). */
export function header(event: HttpApiEvent, name: string): string | undefined {
  // Test consoles and misrouted payloads may send no headers at all.
  const headers = event.headers ?? {};
  const direct = headers[name];
  if (direct !== undefined) return direct;
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return value;
  }
  return undefined;
}
