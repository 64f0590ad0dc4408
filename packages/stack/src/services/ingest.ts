import { waitForHttp } from '../health.js';
import type { ServiceDefinition } from '../service.js';
import type { StackSettings } from '../settings.js';
import { bin, nodeCommand } from './commands.js';

/** `clicktrail-ingest serve` on the ingest port: the raw folder, or the bucket the env names. */
export function ingestService(settings: StackSettings, storeOrigins: string): ServiceDefinition {
  const { port } = settings.ports.ingest;
  const args = ['serve', '--port', String(port), '--host', '127.0.0.1'];
  if (!settings.externalRawBucket) args.push('--raw-dir', settings.rawDir);
  const url = `http://localhost:${port}/clickstream`;
  return {
    name: 'ingest',
    port: settings.ports.ingest,
    command: nodeCommand(settings, bin(settings, 'ingest-lambda', 'clicktrail-ingest.js'), args, {
      ALLOWED_ORIGINS: settings.env.ALLOWED_ORIGINS ?? storeOrigins,
    }),
    ready: (output) =>
      waitForHttp(`http://127.0.0.1:${port}/health`, {
        timeoutMs: 30_000,
        accept: (status) => status === 200,
        abort: output.exited,
      }),
    announce: {
      url,
      detail: `raw objects in ${settings.externalRawBucket ?? `${settings.rawDir}/events/`}`,
    },
    // One JSON line per request: kept in the log, shown only when something failed.
    show: (line) => (/"status":5\d\d|"level":"error"/.test(line) ? line : null),
  };
}
