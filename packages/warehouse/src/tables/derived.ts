/** A `sessions` row as `pg` returns it (dates and timestamps as `Date`, bigint as text). */
export interface SessionRow {
  app_id: string;
  client_id: string;
  session_id: string;
  session_number: number;
  session_date: Date;
  session_start: Date;
  session_end: Date;
  duration_ms: string;
  page_views: number;
  events: number;
  conversions: number;
  engaged: boolean;
  bounce: boolean;
  landing_path: string | null;
  exit_path: string | null;
  is_first_visit: boolean;
  user_id: string | null;
  user_login_state: string;
}

/** A `daily_metrics` row as `pg` returns it (numeric as text). */
export interface DailyMetricsRow {
  day: Date;
  app_id: string;
  users: number;
  new_users: number;
  sessions: number;
  engaged_sessions: number;
  bounces: number;
  events: number;
  page_views: number;
  purchases: number;
  revenue: string;
}

/** The columns of `sessions`, in table order. */
export const SESSION_COLUMNS = [
  'app_id',
  'client_id',
  'session_id',
  'session_number',
  'session_date',
  'session_start',
  'session_end',
  'duration_ms',
  'page_views',
  'events',
  'conversions',
  'engaged',
  'bounce',
  'landing_path',
  'exit_path',
  'is_first_visit',
  'user_id',
  'user_login_state',
] as const satisfies readonly (keyof SessionRow)[];

/** The columns of `daily_metrics`, in table order. */
export const DAILY_METRICS_COLUMNS = [
  'day',
  'app_id',
  'users',
  'new_users',
  'sessions',
  'engaged_sessions',
  'bounces',
  'events',
  'page_views',
  'purchases',
  'revenue',
] as const satisfies readonly (keyof DailyMetricsRow)[];
