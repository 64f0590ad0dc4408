import { waitForHttp } from '../health.js';
import type { ServiceDefinition } from '../service.js';
import type { StackSettings } from '../settings.js';
import { bin, nodeCommand } from './commands.js';

/** `clicktrail-dashboard` on its port, reading the same warehouse as the ETL writes. */
export function dashboardService(
  settings: StackSettings,
  warehouseEnv: Record<string, string>,
): ServiceDefinition {
  const { port } = settings.ports.dashboard;
  return {
    name: 'dashboard',
    port: settings.ports.dashboard,
    command: nodeCommand(
      settings,
      bin(settings, 'dashboard', 'clicktrail-dashboard.js'),
      ['--port', String(port), '--host', '127.0.0.1'],
      warehouseEnv,
    ),
    ready: (output) =>
      waitForHttp(`http://127.0.0.1:${port}/api/health`, {
        timeoutMs: 60_000,
        accept: (status) => status === 200,
        abort: output.exited,
      }),
    announce: { url: `http://localhost:${port}`, detail: 'the numbers, from the warehouse' },
  };
}
