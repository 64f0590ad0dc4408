import pg from 'pg';
import { startEmbedded } from './embedded/embedded.js';
import { WarehouseConnectionError } from './errors.js';
import type { WarehouseTarget } from './settings.js';

/** An open warehouse: hands out `pg` clients and releases whatever it started. */
export interface Warehouse {
  label: string;
  connect(): Promise<pg.Client>;
  close(): Promise<void>;
}

function clientFactory(config: pg.ClientConfig, label: string): () => Promise<pg.Client> {
  return async () => {
    const client = new pg.Client(config);
    // A dropped connection mid-run surfaces as a failed query; this keeps it from crashing Node.
    client.on('error', () => undefined);
    try {
      await client.connect();
    } catch (error) {
      throw new WarehouseConnectionError(`cannot connect to ${label}: ${(error as Error).message}`);
    }
    return client;
  };
}

export async function openWarehouse(target: WarehouseTarget): Promise<Warehouse> {
  if (target.kind === 'server') {
    return {
      label: target.label,
      connect: clientFactory(target.config, target.label),
      close: async () => undefined,
    };
  }
  const embedded = await startEmbedded(target.dir);
  return {
    label: target.label,
    connect: clientFactory({ connectionString: embedded.connectionString }, target.label),
    close: () => embedded.stop(),
  };
}
