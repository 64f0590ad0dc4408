import type { ServiceDefinition } from '../service.js';
import type { StackSettings } from '../settings.js';
import { bin, nodeCommand } from './commands.js';
import { etlRunLine } from './etl-run-line.js';

/** `clicktrail-etl watch`: the stand-in for the hourly EventBridge rule, on a short timer. */
export function etlService(
  settings: StackSettings,
  warehouseEnv: Record<string, string>,
): ServiceDefinition {
  const args = ['watch', '--every', String(settings.etlEverySeconds)];
  if (!settings.externalRawBucket) args.push('--raw-dir', settings.rawDir);
  return {
    name: 'etl',
    command: nodeCommand(settings, bin(settings, 'etl-lambda', 'clicktrail-etl.js'), args, {
      ...warehouseEnv,
    }),
    // Ready once its first run has finished: then the warehouse is migrated and reachable.
    ready: async (output) => {
      await output.waitForLine(
        (line) => line.startsWith('{') && line.includes('"run_id"'),
        120_000,
      );
    },
    announce: {
      detail: `every ${settings.etlEverySeconds} s (the hourly EventBridge rule in AWS)`,
    },
    show: (line, stream) => (stream === 'stdout' ? etlRunLine(line) : line),
  };
}
