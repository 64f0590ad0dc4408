import { resolve } from 'node:path';
import type { ClientConfig } from 'pg';

export const DEFAULT_DW_DIR = '.clicktrail/dw';

export interface WarehouseSettings {
  DATABASE_URL?: string | undefined;
  DWH_HOST?: string | undefined;
  DWH_PORT?: string | undefined;
  DWH_USER?: string | undefined;
  DWH_PASSWORD?: string | undefined;
  DWH_DATABASE?: string | undefined;
  DW_DIR?: string | undefined;
}

/** A PostgreSQL server to connect to, or the embedded PGlite folder to open. */
export type WarehouseTarget =
  | { kind: 'server'; config: ClientConfig; label: string }
  | { kind: 'embedded'; dir: string; label: string };

/**
 * `DATABASE_URL` first, then the reference design's `DWH_*` variables, else embedded
 * PGlite in `.clicktrail/dw` (or `DW_DIR`). Labels never include the password.
 */
export function warehouseTarget(settings: WarehouseSettings = process.env): WarehouseTarget {
  if (settings.DATABASE_URL) {
    const url = new URL(settings.DATABASE_URL);
    return {
      kind: 'server',
      config: { connectionString: settings.DATABASE_URL },
      label: `postgres://${url.host}${url.pathname}`,
    };
  }
  if (settings.DWH_HOST) {
    const port = Number(settings.DWH_PORT ?? 5432);
    const database = settings.DWH_DATABASE ?? 'clickstream_dw';
    return {
      kind: 'server',
      config: {
        host: settings.DWH_HOST,
        port,
        user: settings.DWH_USER,
        password: settings.DWH_PASSWORD,
        database,
      },
      label: `postgres://${settings.DWH_HOST}:${port}/${database}`,
    };
  }
  const dir = resolve(settings.DW_DIR ?? DEFAULT_DW_DIR);
  return { kind: 'embedded', dir, label: `pglite:${dir}` };
}
