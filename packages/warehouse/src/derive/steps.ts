import type { ClientBase } from 'pg';
import { ROLLUP_STEPS } from '../rollups/index.js';
import { TABLES } from '../tables/names.js';
import { DAILY_METRICS, PURCHASES, SESSIONS } from './statements.js';

/**
 * One part of the derived model. Its statements run in order in the derive transaction,
 * after the steps before it, with the reporting time zone set; they may read the temporary
 * tables `touched_sessions (app_id, client_id, session_id)` and `affected_days (app_id,
 * day)` and must rebuild what they own for exactly those (DELETE + INSERT). A full
 * rebuild empties `tables` first and marks every session touched.
 */
export interface DeriveStep {
  name: string;
  tables: readonly string[];
  statements: readonly string[];
  /** Work SQL cannot do (classifying user agents), run after `statements` in the transaction. */
  after?: (client: ClientBase) => Promise<void>;
}

export const CORE_STEP: DeriveStep = {
  name: 'sessions and purchases',
  tables: [TABLES.sessions, TABLES.purchaseItems, TABLES.purchases],
  statements: [...SESSIONS, ...PURCHASES],
};

/** After the rollups, which it sums per day instead of reading the day's events again. */
export const DAILY_METRICS_STEP: DeriveStep = {
  name: 'daily metrics',
  tables: [TABLES.dailyMetrics],
  statements: DAILY_METRICS,
};

/** What the derive runs, in order: sessions and purchases, the rollups, daily metrics. */
export const DERIVE_STEPS: readonly DeriveStep[] = [CORE_STEP, ...ROLLUP_STEPS, DAILY_METRICS_STEP];
