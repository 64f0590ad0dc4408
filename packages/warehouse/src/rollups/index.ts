import type { DeriveStep } from '../derive/steps.js';
import { AGENT_CLASSES_STEP } from './agent-classes.js';
import { CLIENTS_STEP } from './clients.js';
import { COHORT_COUNTS_STEP } from './cohort-counts.js';
import { DAY_EVENTS_STEP } from './day-events.js';
import { FUNNEL_CHAINS_STEP } from './funnel-chains.js';
import { FUNNEL_DAY_CHAINS_STEP } from './funnel-day-chains.js';
import { HOURLY_CLIENTS_STEP } from './hourly-clients.js';
import { PREVIOUS_DAYS_STEP } from './previous-days.js';
import { PRODUCTS_STEP } from './products.js';
import { SESSIONS_STEP } from './sessions.js';

/**
 * Rollups the dashboard reads, each a `DeriveStep` with its own migration (versions 10-19)
 * and statements in a file of this folder. Append a step here and the derive runs it after
 * the core model, incrementally and in full rebuilds. The first stages the affected days'
 * events (`day_events`) that the others read.
 */
export const ROLLUP_STEPS: readonly DeriveStep[] = [
  DAY_EVENTS_STEP,
  AGENT_CLASSES_STEP,
  CLIENTS_STEP,
  HOURLY_CLIENTS_STEP,
  FUNNEL_CHAINS_STEP,
  FUNNEL_DAY_CHAINS_STEP,
  PREVIOUS_DAYS_STEP,
  COHORT_COUNTS_STEP,
  SESSIONS_STEP,
  PRODUCTS_STEP,
];
