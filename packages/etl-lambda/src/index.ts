/** `@clicktrail/etl-lambda`: the loader as a library (tests, the dashboard's fixtures). */
export type { EventRow } from './event-row.js';
export { EVENT_COLUMNS, toEventRow } from './event-row.js';
export type { MigrateResult } from './migrate.js';
export { MigrationError, migrate } from './migrate.js';
export type { RunOptions } from './run.js';
export { runEtl } from './run.js';
export type { RunSummary } from './summary.js';
export type { Warehouse } from './warehouse/connect.js';
export { openWarehouse } from './warehouse/connect.js';
export type { WarehouseTarget } from './warehouse/settings.js';
export { warehouseTarget } from './warehouse/settings.js';
