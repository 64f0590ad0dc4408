import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { banner } from './banner.js';
import { type PlanContext, stackPlan } from './plan.js';
import type { Announcement } from './service.js';
import { stackSettings } from './settings.js';
import { takeStackLock } from './stack-lock.js';
import { Supervisor } from './supervisor.js';

const HELP = `clicktrail-stack: the whole Clicktrail pipeline on one machine (what \`npm run demo\` runs)

Usage:
  clicktrail-stack [start]
  clicktrail-stack --help

Starts, in order, each once the one before answers its health check: the embedded
PostgreSQL (5433, PGlite), ingest (3100, raw objects in a local folder), the ETL on a timer,
the dashboard (3838), cognito-local (9229) with a demo user pool and user, and the store
(3000; the one-page demo shop while examples/nextjs-store has no build). Ctrl-C or SIGTERM stops every part (whole process groups).
A second start on the same data folder while one runs is refused; a start after a stop
reuses the data.

Environment:
  CLICKTRAIL_DATA_DIR   where data lives (default .clicktrail in the repository)
  ETL_EVERY_SECONDS     the ETL's interval (default 10)
  STORE_PORT, INGEST_PORT, DASHBOARD_PORT, COGNITO_PORT, CLICKTRAIL_PG_PORT
                        move a part off its fixed port
  DATABASE_URL or DWH_HOST/DWH_PORT/DWH_USER/DWH_PASSWORD/DWH_DATABASE
                        use this PostgreSQL instead of the embedded one
  RAW_BUCKET, AWS_REGION, S3_ENDPOINT   use this bucket instead of the raw folder
  COGNITO_USER_POOL_ID, COGNITO_CLIENT_ID   use this Cognito pool instead of cognito-local
`;

const print = (line: string) => process.stdout.write(`${line}\n`);
const root = fileURLToPath(new URL('../../../', import.meta.url));
// The AWS SDK warns that releases after January 2027 need Node 22: nothing to act on here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    print(HELP);
    return 0;
  }
  if (positionals.length > 0 && positionals[0] !== 'start') {
    throw new Error(`unknown command "${positionals[0]}"; expected start or --help`);
  }
  const settings = stackSettings(root);
  const lock = await takeStackLock(settings.dataDir, (pid) =>
    print(`[stack] stopping process group ${pid} left by a stack that did not stop cleanly`),
  );
  const supervisor = new Supervisor(join(settings.dataDir, 'logs'), lock, print);
  let signals = 0;
  const stopped = new Promise<number>((resolve) => {
    const onSignal = () => {
      signals += 1;
      if (signals > 1) {
        print('[stack] second signal: killing every part now');
        supervisor.kill();
        return;
      }
      print('[stack] stopping every part…');
      void supervisor.stop().then(() => resolve(0));
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
  const context: PlanContext = { pool: null };
  const parts: Array<{ name: string; announcement: Announcement }> = [];
  const starting = (async () => {
    for (const planned of stackPlan(settings)) {
      const definition = planned(context);
      if (!definition || signals > 0) continue;
      print(`[stack] starting ${definition.name}…`);
      const announcement = await supervisor.start(definition);
      print(`[stack] ${definition.name} is ready`);
      parts.push({ name: definition.name, announcement });
    }
    // One write, so a reader never sees half of the banner.
    if (signals === 0) print(banner(settings, parts, context.pool).join('\n'));
  })();
  try {
    await Promise.race([starting, stopped]);
    return await Promise.race([stopped, supervisor.failed]);
  } catch (error) {
    print(`[stack] ${(error as Error).message}`);
    await supervisor.stop();
    return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`clicktrail-stack: ${error.message}\n`);
    process.exit(1);
  },
);
