import { isTimeZone } from './filters/dates.js';

export class TimeZoneError extends Error {
  override name = 'TimeZoneError';
}

/** The reporting time zone: `CLICKTRAIL_TIME_ZONE` (an IANA name), default UTC. */
export function reportingTimeZone(env: Record<string, string | undefined> = process.env): string {
  const name = env.CLICKTRAIL_TIME_ZONE || 'UTC';
  if (!isTimeZone(name)) {
    throw new TimeZoneError(
      `CLICKTRAIL_TIME_ZONE must be an IANA time zone such as Asia/Singapore, got "${name}"`,
    );
  }
  return name;
}
