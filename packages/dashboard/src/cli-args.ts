/** The parsed command line of `clicktrail-dashboard`. */
export interface CliArgs {
  help: boolean;
  port: number;
  host: string;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

export const DEFAULT_PORT = 3838;
export const DEFAULT_HOST = '127.0.0.1';

export const USAGE = `clicktrail-dashboard: the Clicktrail analytics dashboard (read-only over the warehouse)

Usage:
  clicktrail-dashboard [--port 3838] [--host 127.0.0.1]
  clicktrail-dashboard --help

Options:
  --port PORT   port to listen on (default 3838, or PORT); 0 picks a free one
  --host HOST   address to bind (default 127.0.0.1, or HOST); any other address needs DASHBOARD_PASSWORD

Environment:
  DATABASE_URL, or DWH_HOST/DWH_PORT/DWH_USER/DWH_PASSWORD/DWH_DATABASE   the warehouse
                 (else the embedded PGlite warehouse in .clicktrail/dw, or DW_DIR)
  CLICKTRAIL_TIME_ZONE   IANA time zone days are cut in (default UTC)
  DASHBOARD_PASSWORD     require this shared secret (a login form and an HttpOnly cookie)

Pages at / and /sbw_dashboard/; JSON at /api/{summary,trend,funnel,products,acquisition,pages,
audience,retention,live,health,apps}?from=YYYY-MM-DD&to=YYYY-MM-DD&app_id=...&compare=previous
(add format=csv for CSV).`;

function port(text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value > 65_535)
    throw new UsageError(`--port expects 0-65535, got "${text}"`);
  return value;
}

export function parseArgs(
  argv: readonly string[],
  env: Record<string, string | undefined> = {},
): CliArgs {
  const args: CliArgs = {
    help: false,
    port: env.PORT ? port(env.PORT) : DEFAULT_PORT,
    host: env.HOST || DEFAULT_HOST,
  };
  const rest = [...argv];
  const value = (flag: string): string => {
    const next = rest.shift();
    if (next === undefined || next.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    return next;
  };
  while (rest.length > 0) {
    const flag = rest.shift() as string;
    if (flag === '--help' || flag === '-h') args.help = true;
    else if (flag === '--port') args.port = port(value(flag));
    else if (flag === '--host') args.host = value(flag);
    else throw new UsageError(`unknown option "${flag}" (see --help)`);
  }
  return args;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** Without a password the dashboard is for the SSM tunnel or this machine only. */
export function checkExposure(host: string, password: string | undefined): void {
  if (!LOOPBACK.has(host) && !password) {
    throw new UsageError(
      `refusing to listen on ${host} without DASHBOARD_PASSWORD; set one, or use --host 127.0.0.1`,
    );
  }
}
