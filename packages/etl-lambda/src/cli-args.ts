/** The parsed command line of `clicktrail-etl`. */
export interface CliArgs {
  command: 'run' | 'migrate' | 'rebuild' | 'watch' | 'help';
  rawDir?: string;
  databaseUrl?: string;
  full: boolean;
  wait: boolean;
  everySeconds: number;
  /** Days by receive time a routine run lists (default 2). */
  recentDays?: number;
  /** Raw objects fetched at once (default 16). */
  concurrency?: number;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

export const USAGE = `clicktrail-etl: load raw clickstream objects into PostgreSQL, exactly once

Usage:
  clicktrail-etl run     [--raw-dir DIR] [--database-url URL] [--full] [--wait]
                         [--recent-days N] [--concurrency N]
  clicktrail-etl watch   --every <seconds> [same options as run]
  clicktrail-etl migrate [--database-url URL]
  clicktrail-etl rebuild [--database-url URL]
  clicktrail-etl --help

Options:
  --raw-dir DIR        local raw store (else RAW_BUCKET/AWS_REGION/S3_ENDPOINT, RAW_DIR, .clicktrail/raw)
  --database-url URL   PostgreSQL (else DATABASE_URL, DWH_HOST/DWH_PORT/DWH_USER/DWH_PASSWORD/DWH_DATABASE,
                       else embedded PGlite in .clicktrail/dw)
  --full               list every day under events/ (a routine run lists the recent days,
                       days left unfinished and days after an outage)
  --recent-days N      days by receive time a routine run lists, today included (default 2)
  --concurrency N      raw objects fetched at once (default 16)
  --wait               wait for a run in progress instead of exiting
  --every SECONDS      watch: pause between runs (default 60)

run prints progress on stderr and a one-line JSON summary as its last stdout line.
rebuild recomputes the derived tables from clickstream_events alone, with days cut in
CLICKTRAIL_TIME_ZONE (IANA name, default UTC): run it after changing the time zone.`;

const COMMANDS = new Set(['run', 'migrate', 'rebuild', 'watch', 'help']);

function positiveInteger(flag: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`${flag} expects a whole number ≥ 1, got "${text}"`);
  return n;
}

export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = { command: 'help', full: false, wait: false, everySeconds: 60 };
  const rest = [...argv];
  const value = (flag: string): string => {
    const next = rest.shift();
    if (next === undefined || next.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    return next;
  };
  const first = rest.shift();
  if (first === undefined || first === '--help' || first === '-h') return args;
  if (!COMMANDS.has(first)) throw new UsageError(`unknown command "${first}"`);
  args.command = first as CliArgs['command'];
  while (rest.length > 0) {
    const flag = rest.shift() as string;
    if (flag === '--raw-dir') args.rawDir = value(flag);
    else if (flag === '--database-url') args.databaseUrl = value(flag);
    else if (flag === '--full') args.full = true;
    else if (flag === '--wait') args.wait = true;
    else if (flag === '--help' || flag === '-h') args.command = 'help';
    else if (flag === '--recent-days') args.recentDays = positiveInteger(flag, value(flag));
    else if (flag === '--concurrency') args.concurrency = positiveInteger(flag, value(flag));
    else if (flag === '--every') {
      args.everySeconds = Number(value(flag));
      if (!Number.isFinite(args.everySeconds) || args.everySeconds <= 0) {
        throw new UsageError('--every expects a positive number of seconds');
      }
    } else throw new UsageError(`unknown option "${flag}"`);
  }
  return args;
}
