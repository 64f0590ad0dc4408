import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createDashboard, type DashboardOptions } from '../src/dashboard.js';

/** The dashboard on a random loopback port, for tests that need a real HTTP server. */
export async function serveDashboard(
  options: DashboardOptions,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = serve({ fetch: createDashboard(options).fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Browsers keep idle connections open; close would wait for them.
        (server as { closeAllConnections?(): void }).closeAllConnections?.();
      }),
  };
}
