/** `@clicktrail/etl-lambda`: the loader as a library (tests, the dashboard's fixtures). */
export { toEventRow } from './event-row.js';
export type { RunOptions } from './run.js';
export { runEtl } from './run.js';
export type { RunSummary } from './summary.js';
