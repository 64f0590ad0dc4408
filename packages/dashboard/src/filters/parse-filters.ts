import { addDays, daysBetween, parseDay, todayIn } from './dates.js';
import { FilterError } from './errors.js';
import type { ReportRange } from './range.js';

export const MAX_RANGE_DAYS = 400;
export const DEFAULT_RANGE_DAYS = 7;
const APP_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const EVENT_NAME = /^[a-z][a-z0-9_]{0,63}$/;

export interface Filters {
  range: ReportRange;
  compare: boolean;
  format: 'json' | 'csv';
  funnel: 'closed' | 'open';
  /** Live panel only: one event name. */
  eventName: string | null;
}

type Query = Record<string, string | undefined>;

function day(query: Query, name: 'from' | 'to', fallback: string): string {
  const text = query[name];
  if (text === undefined || text === '') return fallback;
  const parsed = parseDay(text);
  if (!parsed) {
    throw new FilterError(name, `${name} must be a date as YYYY-MM-DD, got "${text.slice(0, 40)}"`);
  }
  return parsed;
}

function oneOf<T extends string>(query: Query, name: string, allowed: readonly T[]): T {
  const text = query[name];
  if (text === undefined || text === '') return allowed[0] as T;
  if (!(allowed as readonly string[]).includes(text)) {
    throw new FilterError(
      name,
      `${name} must be ${allowed.map((a) => `"${a}"`).join(' or ')}, got "${text.slice(0, 40)}"`,
    );
  }
  return text as T;
}

/**
 * The filters of a page or API request, checked: real dates, `from` not after `to`, at most
 * 400 days, a known app. Without dates: the last 7 days up to today in the time zone.
 */
export function parseFilters(
  query: Query,
  knownApps: readonly string[],
  timeZone: string,
  now: Date = new Date(),
): Filters {
  const today = todayIn(timeZone, now);
  const to = day(query, 'to', today);
  const from = day(query, 'from', addDays(to, 1 - DEFAULT_RANGE_DAYS));
  if (from > to) throw new FilterError('from', `from (${from}) is after to (${to})`);
  const length = daysBetween(from, to);
  if (length > MAX_RANGE_DAYS) {
    throw new FilterError('to', `a range covers at most ${MAX_RANGE_DAYS} days, got ${length}`);
  }
  const app = query.app_id;
  let appId: string | null = null;
  if (app !== undefined && app !== '') {
    if (!APP_ID.test(app) || !knownApps.includes(app)) {
      throw new FilterError(
        'app_id',
        `unknown app_id "${app.slice(0, 40)}"; known: ${knownApps.join(', ') || 'none'}`,
      );
    }
    appId = app;
  }
  const compare = oneOf(query, 'compare', ['', 'previous'] as const) === 'previous';
  const name = query.event_name;
  if (name !== undefined && name !== '' && !EVENT_NAME.test(name)) {
    throw new FilterError(
      'event_name',
      `event_name must be snake_case, got "${name.slice(0, 40)}"`,
    );
  }
  return {
    range: { from, to, appId, timeZone },
    compare,
    format: oneOf(query, 'format', ['json', 'csv'] as const),
    funnel: oneOf(query, 'funnel', ['closed', 'open'] as const),
    eventName: name ? name : null,
  };
}
