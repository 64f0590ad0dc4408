/** Which browser origins may send events. `*` only when configured so. */
export interface CorsPolicy {
  origins: ReadonlySet<string>;
  anyOrigin: boolean;
}

export const LOCAL_ORIGINS = ['http://localhost:3000', 'http://127.0.0.1:3000'] as const;

/** `ALLOWED_ORIGINS` is a comma-separated list; `*` allows every origin. */
export function corsPolicy(allowed: string | undefined, fallback: readonly string[]): CorsPolicy {
  const list = allowed === undefined ? [...fallback] : allowed.split(',');
  const origins = new Set(list.map((origin) => origin.trim().replace(/\/+$/, '')).filter(Boolean));
  return { origins, anyOrigin: origins.has('*') };
}

/** Requests with no Origin (curl, servers, tests) are not browser cross-origin requests. */
export function originAllowed(policy: CorsPolicy, origin: string | undefined): boolean {
  return origin === undefined || policy.anyOrigin || policy.origins.has(origin);
}

/**
 * Headers that let the browser read the answer; none for requests without an Origin.
 * `Retry-After` is exposed so the SDK can honour it on a 503 (browsers hide it otherwise).
 */
export function corsHeaders(
  policy: CorsPolicy,
  origin: string | undefined,
): Record<string, string> {
  if (origin === undefined || !originAllowed(policy, origin)) return {};
  return {
    'access-control-allow-origin': policy.anyOrigin ? '*' : origin,
    'access-control-expose-headers': 'Retry-After',
    vary: 'Origin',
  };
}

/** What a preflight from an allowed origin is told: POST with a JSON or gzip body, for a day. */
export const PREFLIGHT_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-methods': 'POST, OPTIONS',
  'access-control-allow-headers': 'content-type, content-encoding',
  'access-control-max-age': '86400',
};
