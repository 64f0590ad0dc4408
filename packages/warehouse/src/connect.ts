import pg from 'pg';
import { ensureEmbeddedServer, type SharedServer } from './embedded/ensure.js';
import { WarehouseConnectionError } from './errors.js';
import type { WarehouseTarget } from './settings.js';

/** An open warehouse: hands out `pg` clients and releases whatever it started. */
export interface Warehouse {
  label: string;
  connect(): Promise<pg.Client>;
  close(): Promise<void>;
}

async function connectClient(config: pg.ClientConfig, label: string): Promise<pg.Client> {
  const client = new pg.Client(config);
  // A dropped connection mid-run surfaces as a failed query; this keeps it from crashing Node.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    throw new WarehouseConnectionError(`cannot connect to ${label}: ${(error as Error).message}`);
  }
  return client;
}

export async function openWarehouse(target: WarehouseTarget): Promise<Warehouse> {
  if (target.kind === 'server') {
    return {
      label: target.label,
      connect: () => connectClient(target.config, target.label),
      close: async () => undefined,
    };
  }
  const ensure = () => ensureEmbeddedServer({ dir: target.dir, port: target.port });
  let server: SharedServer = await ensure();
  return {
    label: target.label,
    async connect() {
      try {
        return await connectClient({ connectionString: server.connectionString }, target.label);
      } catch (error) {
        if (server.startedHere) throw error;
        // The process that served the folder has stopped: serve it from here, or find who does.
        server = await ensure();
        return connectClient({ connectionString: server.connectionString }, target.label);
      }
    },
    close: () => server.release(),
  };
}
