import { resolve } from 'node:path';
import type { ClientConfig } from 'pg';
import { WarehouseSettingsError } from './errors.js';

export const DEFAULT_DW_DIR = '.clicktrail/dw';
/** The embedded server's loopback port unless `CLICKTRAIL_PG_PORT` says otherwise. */
export const DEFAULT_PG_PORT = 5433;

export interface WarehouseSettings {
  DATABASE_URL?: string | undefined;
  DWH_HOST?: string | undefined;
  DWH_PORT?: string | undefined;
  DWH_USER?: string | undefined;
  DWH_PASSWORD?: string | undefined;
  DWH_DATABASE?: string | undefined;
  DW_DIR?: string | undefined;
  CLICKTRAIL_PG_PORT?: string | undefined;
}

/** A PostgreSQL server to connect to, or the embedded PGlite folder and its shared port. */
export type WarehouseTarget =
  | { kind: 'server'; config: ClientConfig; label: string }
  | { kind: 'embedded'; dir: string; port: number; label: string };

function portFrom(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new WarehouseSettingsError(`${name} must be a port number (1-65535); got "${value}"`);
  }
  return port;
}

/**
 * `DATABASE_URL` first, then the reference design's `DWH_*` variables, else the embedded
 * PGlite in `.clicktrail/dw` (or `DW_DIR`), shared on loopback port 5433 (or
 * `CLICKTRAIL_PG_PORT`). Labels never include the password.
 */
export function warehouseTarget(
  settings: WarehouseSettings = process.env as WarehouseSettings,
): WarehouseTarget {
  if (settings.DATABASE_URL) {
    let url: URL;
    try {
      url = new URL(settings.DATABASE_URL);
    } catch {
      throw new WarehouseSettingsError(
        'DATABASE_URL must be a URL like postgres://user@host:5432/db',
      );
    }
    return {
      kind: 'server',
      config: { connectionString: settings.DATABASE_URL },
      label: `postgres://${url.host}${url.pathname}`,
    };
  }
  if (settings.DWH_HOST) {
    const port = portFrom(settings.DWH_PORT, 'DWH_PORT', 5432);
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
  const dir = resolve(settings.DW_DIR || DEFAULT_DW_DIR);
  const port = portFrom(settings.CLICKTRAIL_PG_PORT, 'CLICKTRAIL_PG_PORT', DEFAULT_PG_PORT);
  return { kind: 'embedded', dir, port, label: `pglite:${dir} (127.0.0.1:${port})` };
}
