import { openWarehouse, type Warehouse } from './connect.js';
import { type WarehouseSettings, type WarehouseTarget, warehouseTarget } from './settings.js';

/**
 * The store's OLTP tables live in this schema everywhere: in the database `clickstream_web`
 * on a server, and beside the warehouse in the one database of the embedded PGlite. The
 * store qualifies every table with it (`clickstream_web.orders`), so one SQL text runs on both.
 */
export const WEB_SCHEMA = 'clickstream_web';

export type WebDatabaseSettings = Pick<
  WarehouseSettings,
  'DATABASE_URL' | 'DW_DIR' | 'CLICKTRAIL_PG_PORT'
>;

/**
 * Where the store's OLTP data lives: the server `DATABASE_URL` names (its database
 * `clickstream_web`), else the shared embedded server (`.clicktrail/dw` or `DW_DIR`, port
 * `CLICKTRAIL_PG_PORT`, 5433). The reference design's `DWH_*` variables name the warehouse
 * only, so they are ignored here.
 */
export function webDatabaseTarget(
  settings: WebDatabaseSettings = process.env as WebDatabaseSettings,
): WarehouseTarget {
  return warehouseTarget({
    DATABASE_URL: settings.DATABASE_URL,
    DW_DIR: settings.DW_DIR,
    CLICKTRAIL_PG_PORT: settings.CLICKTRAIL_PG_PORT,
  });
}

/** `openWarehouse(webDatabaseTarget(settings))`: `connect()` hands out `pg` clients. */
export const openWebDatabase = (settings?: WebDatabaseSettings): Promise<Warehouse> =>
  openWarehouse(webDatabaseTarget(settings));
