import type { AddressInfo } from 'node:net';
import { openWarehouse, reportingTimeZone, warehouseTarget } from '@clicktrail/warehouse';
import { serve } from '@hono/node-server';
import { createDashboard } from './dashboard.js';
import { createReader } from './db/reader.js';

export interface StartOptions {
  port: number;
  host: string;
  env?: Record<string, string | undefined>;
}

export interface RunningDashboard {
  url: string;
  close(): Promise<void>;
}

/** Opens the warehouse named by the environment and serves the dashboard over HTTP. */
export async function startDashboard({
  port,
  host,
  env = process.env,
}: StartOptions): Promise<RunningDashboard> {
  const timeZone = reportingTimeZone(env);
  const target = warehouseTarget(env);
  const warehouse = await openWarehouse(target);
  // PGlite serves every connection from one session: one connection, one transaction at a time.
  const reader = createReader({
    connect: warehouse.connect,
    maxConnections: target.kind === 'server' ? 4 : 1,
  });
  const app = createDashboard({
    reader,
    warehouseLabel: warehouse.label,
    timeZone,
    password: env.DASHBOARD_PASSWORD,
  });
  const server = serve({ fetch: app.fetch, port, hostname: host });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shown}:${address.port}`,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Idle keep-alive connections (browsers keep them) would hold close() open.
        (server as { closeAllConnections?(): void }).closeAllConnections?.();
      });
      await reader.close();
      await warehouse.close();
    },
  };
}
