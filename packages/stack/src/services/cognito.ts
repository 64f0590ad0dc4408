import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { waitForHttp } from '../health.js';
import type { ServiceDefinition } from '../service.js';
import type { StackSettings } from '../settings.js';
import { nodeCommand } from './commands.js';
import { type DemoPool, provisionDemoPool } from './demo-pool.js';

/** cognito-local on its port, keeping its pools in `<data>/cognito/.cognito`. */
export function cognitoService(
  settings: StackSettings,
  onPool: (pool: DemoPool) => void,
): ServiceDefinition {
  const { port } = settings.ports.cognito;
  const folder = join(settings.dataDir, 'cognito');
  const endpoint = `http://127.0.0.1:${port}`;
  const script = createRequire(import.meta.url).resolve('cognito-local/lib/bin/start.js');
  const announce = { url: `${endpoint}/` };
  return {
    name: 'cognito',
    port: settings.ports.cognito,
    // cognito-local keeps its database in `.cognito` under its working folder.
    prepare: () => mkdir(folder, { recursive: true }).then(() => undefined),
    command: nodeCommand(settings, script, [], { PORT: String(port), HOST: '127.0.0.1' }, folder),
    // It answers a bare GET with an error page: any answer proves it listens.
    ready: (output) => waitForHttp(`${endpoint}/`, { timeoutMs: 30_000, abort: output.exited }),
    afterReady: async () => {
      const pool = await provisionDemoPool(endpoint, join(folder, 'demo-pool.json'));
      onPool(pool);
      return { ...announce, detail: `user pool ${pool.userPoolId}, app client ${pool.clientId}` };
    },
    announce,
    // Pretty request logs: kept in the log file only.
    show: (line) => (line.includes('ERROR') ? line : null),
  };
}
