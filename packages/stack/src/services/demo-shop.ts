import { join } from 'node:path';
import { waitForHttp } from '../health.js';
import type { ServiceDefinition } from '../service.js';
import type { StackSettings } from '../settings.js';
import { nodeCommand } from './commands.js';

/** The one-page demo shop, served where the store would be while no store is built. */
export function demoShopService(settings: StackSettings, ingestUrl: string): ServiceDefinition {
  const { port } = settings.ports.store;
  const script = join(settings.root, 'packages', 'stack', 'dist', 'demo-shop.js');
  return {
    name: 'shop',
    port: settings.ports.store,
    command: nodeCommand(settings, script, [
      '--port',
      String(port),
      '--endpoint',
      ingestUrl,
      '--app-id',
      settings.appId,
    ]),
    ready: (output) =>
      waitForHttp(`http://127.0.0.1:${port}/`, { timeoutMs: 20_000, abort: output.exited }),
    announce: {
      url: `http://localhost:${port}`,
      detail: 'demo shop page (the Next.js store replaces it once examples/nextjs-store is built)',
    },
  };
}
