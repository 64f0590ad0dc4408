import { addDays, daysBetween } from './dates.js';

/** A report's days (inclusive, in the reporting time zone) and its app (all apps when null). */
export interface ReportRange {
  from: string;
  to: string;
  appId: string | null;
  timeZone: string;
}

/** The period of equal length just before: the comparison for `compare=previous`. */
export function previousRange(range: ReportRange): ReportRange {
  const length = daysBetween(range.from, range.to);
  return { ...range, from: addDays(range.from, -length), to: addDays(range.from, -1) };
}

/** Ranges up to two days are charted by the hour, longer ones by the day. */
export function granularity(range: ReportRange): 'hour' | 'day' {
  return daysBetween(range.from, range.to) <= 2 ? 'hour' : 'day';
}
