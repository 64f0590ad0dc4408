import type { ServiceDefinition } from '../service.js';
import type { StackSettings } from '../settings.js';
import { bin, nodeCommand } from './commands.js';

/**
 * `clicktrail-warehouse serve`: the embedded PostgreSQL (PGlite over the wire protocol) that
 * the ETL, the dashboard and the store share, holding the warehouse (`public`) and the
 * store's `clickstream_web` schema. The stack holds its data folder's lock, so a warehouse
 * lock whose process is gone can only be a stack's that was killed: it is taken over.
 */
export function warehouseService(settings: StackSettings): ServiceDefinition {
  const { port } = settings.ports.warehouse;
  return {
    name: 'warehouse',
    port: settings.ports.warehouse,
    command: nodeCommand(settings, bin(settings, 'warehouse', 'clicktrail-warehouse.js'), [
      'serve',
      '--dir',
      settings.dwDir,
      '--port',
      String(port),
      '--take-over-stale-lock',
    ]),
    ready: async (output) => {
      await output.waitForLine((line) => line.includes('"status":"serving"'), 120_000);
    },
    announce: {
      url: embeddedWarehouseUrl(settings),
      detail: `embedded PostgreSQL (PGlite) in ${settings.dwDir}`,
    },
  };
}

export const embeddedWarehouseUrl = (settings: StackSettings): string =>
  `postgres://postgres@127.0.0.1:${settings.ports.warehouse.port}/postgres`;

/** What the warehouse's readers and writers are told: the shared folder and port. */
export const embeddedWarehouseEnv = (settings: StackSettings): Record<string, string> => ({
  DW_DIR: settings.dwDir,
  CLICKTRAIL_PG_PORT: String(settings.ports.warehouse.port),
});
