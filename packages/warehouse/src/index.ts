/**
 * `@clicktrail/warehouse`: what every reader and writer of the warehouse shares: where it
 * is, its migrations, its table and column names.
 */
export type { Warehouse } from './connect.js';
export { openWarehouse } from './connect.js';
export type { DeriveOptions, DeriveResult } from './derive/derive.js';
export { rebuildAll, rebuildDerived } from './derive/derive.js';
export { CONVERSION_EVENTS, ENGAGED_AFTER_MS } from './derive/statements.js';
export type { DeriveStep } from './derive/steps.js';
export { DERIVE_STEPS } from './derive/steps.js';
export {
  EmbeddedWarehouseError,
  MigrationError,
  WarehouseConnectionError,
  WarehouseSettingsError,
} from './errors.js';
export type { MigrateResult } from './migrate.js';
export { migrate } from './migrate.js';
export type { Migration } from './migrations/index.js';
export { MIGRATIONS } from './migrations/index.js';
export { weekStart } from './rollups/sql.js';
export type { WarehouseSettings, WarehouseTarget } from './settings.js';
export { DEFAULT_DW_DIR, DEFAULT_PG_PORT, warehouseTarget } from './settings.js';
export type { EventColumn, EventRow } from './tables/clickstream-events.js';
export { EVENT_COLUMNS } from './tables/clickstream-events.js';
export type { DailyMetricsRow, SessionRow } from './tables/derived.js';
export { DAILY_METRICS_COLUMNS, SESSION_COLUMNS } from './tables/derived.js';
export type { TableName } from './tables/names.js';
export { TABLES } from './tables/names.js';
export { checkTimeZone, DEFAULT_TIME_ZONE, reportingTimeZone } from './time-zone.js';
export type { WebDatabaseSettings } from './web-database.js';
export { openWebDatabase, WEB_SCHEMA, webDatabaseTarget } from './web-database.js';
