import { rawStoreFromSettings } from '@clicktrail/raw-store';
import {
  migrate,
  openWarehouse,
  rebuildAll,
  type Warehouse,
  warehouseTarget,
} from '@clicktrail/warehouse';
import { type CliArgs, parseArgs, USAGE, UsageError } from './cli-args.js';
import { DEFAULT_PREFETCH } from './prefetch.js';
import { progressPrinter } from './progress.js';
import { runEtl } from './run.js';

const print = (line: string) => process.stdout.write(`${line}\n`);

function openFrom(args: CliArgs): Promise<Warehouse> {
  const env = { ...process.env };
  if (args.databaseUrl) env.DATABASE_URL = args.databaseUrl;
  return openWarehouse(warehouseTarget(env));
}

async function runOnce(args: CliArgs, warehouse: Warehouse): Promise<void> {
  const store = rawStoreFromSettings(args.rawDir ? { RAW_DIR: args.rawDir } : process.env);
  const client = await warehouse.connect();
  const progress = progressPrinter();
  try {
    const summary = await runEtl(client, store, {
      fullScan: args.full ? true : 'auto',
      recentDays: args.recentDays,
      prefetch: args.concurrency
        ? { ...DEFAULT_PREFETCH, concurrency: args.concurrency }
        : undefined,
      waitForLock: args.wait,
      onProgress: progress.update,
    });
    progress.done();
    if (summary.status === 'busy') {
      process.stderr.write('clicktrail-etl: another run holds the lock; nothing to do\n');
    }
    print(JSON.stringify(summary));
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function watch(args: CliArgs, warehouse: Warehouse): Promise<void> {
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let wake: () => void = () => undefined;
  const stop = () => {
    stopping = true;
    clearTimeout(timer);
    wake();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  while (!stopping) {
    try {
      await runOnce(args, warehouse);
    } catch (error) {
      // A failed run is retried on the next tick, as the hourly schedule would.
      process.stderr.write(`clicktrail-etl: run failed: ${(error as Error).message}\n`);
    }
    if (stopping) break;
    // A referenced timer: between runs it is the one thing keeping Node alive (a server
    // warehouse holds no handle once its client has ended). `stop` clears it.
    await new Promise<void>((resolve) => {
      wake = resolve;
      timer = setTimeout(resolve, args.everySeconds * 1000);
    });
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.command === 'help') {
    print(USAGE);
    return 0;
  }
  const warehouse = await openFrom(args);
  try {
    if (args.command === 'migrate') {
      const client = await warehouse.connect();
      const result = await migrate(client).finally(() => client.end());
      print(JSON.stringify({ status: 'done', ...result }));
    } else if (args.command === 'rebuild') {
      const client = await warehouse.connect();
      const result = await migrate(client)
        .then(() => rebuildAll(client))
        .finally(() => client.end());
      print(JSON.stringify({ status: 'done', ...result, days: result.days.length }));
    } else if (args.command === 'watch') await watch(args, warehouse);
    else await runOnce(args, warehouse);
    return 0;
  } finally {
    await warehouse.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: Error) => {
    const usage = error instanceof UsageError ? `\n\n${USAGE}` : '';
    process.stderr.write(`clicktrail-etl: ${error.message}${usage}\n`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  },
);
