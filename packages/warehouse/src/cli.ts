import { parseArgs } from 'node:util';
import { ensureEmbeddedServer } from './embedded/ensure.js';
import { warehouseTarget } from './settings.js';

const USAGE = `clicktrail-warehouse serve [--dir DIR] [--port N] [--take-over-stale-lock]
  Runs the embedded PostgreSQL (PGlite) for every local process until stopped (Ctrl-C).
  DIR defaults to DW_DIR or .clicktrail/dw, N to CLICKTRAIL_PG_PORT or 5433. When another
  process already serves DIR, prints its connection string and exits. A lock left by a
  process that is gone is refused with how to clear it, unless --take-over-stale-lock (for
  a caller that owns DIR, like clicktrail-stack).
clicktrail-warehouse --help`;

const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);

async function serve(
  dir: string | undefined,
  port: string | undefined,
  takeOverStaleLock: boolean,
): Promise<void> {
  const target = warehouseTarget({
    DW_DIR: dir ?? process.env.DW_DIR,
    CLICKTRAIL_PG_PORT: port ?? process.env.CLICKTRAIL_PG_PORT,
  });
  if (target.kind !== 'embedded') throw new Error('unreachable: no server settings were passed');
  const server = await ensureEmbeddedServer({
    dir: target.dir,
    port: target.port,
    takeOverStaleLock,
  });
  print({
    status: server.startedHere ? 'serving' : 'already_served',
    dir: target.dir,
    connection_string: server.connectionString,
    ...(server.tookOverFrom ? { took_over_stale_lock_of_pid: server.tookOverFrom } : {}),
  });
  if (!server.startedHere) return;
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.release();
  print({ status: 'stopped', dir: target.dir });
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      dir: { type: 'string' },
      port: { type: 'string' },
      'take-over-stale-lock': { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  const command = positionals[0];
  if (values.help || command === 'help' || command === undefined) {
    process.stdout.write(`${USAGE}\n`);
    return command === undefined && !values.help ? 2 : 0;
  }
  if (command !== 'serve') {
    process.stderr.write(`clicktrail-warehouse: unknown command "${command}"\n\n${USAGE}\n`);
    return 2;
  }
  await serve(values.dir, values.port, values['take-over-stale-lock'] === true);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: Error) => {
    process.stderr.write(`clicktrail-warehouse: ${error.message}\n`);
    process.exitCode = 1;
  },
);
