import type { DeriveStep } from '../derive/steps.js';

/**
 * Rollups the dashboard reads, each a `DeriveStep` with its own migration (versions 10-19)
 * and statements in a file of this folder. Append a step here and the derive runs it after
 * the core model, incrementally and in full rebuilds.
 */
export const ROLLUP_STEPS: readonly DeriveStep[] = [];
