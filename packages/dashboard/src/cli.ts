import { checkExposure, parseArgs, USAGE, UsageError } from './cli-args.js';
import { startDashboard } from './server.js';

async function main(argv: readonly string[]): Promise<void> {
  const args = parseArgs(argv, process.env);
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  checkExposure(args.host, process.env.DASHBOARD_PASSWORD);
  const dashboard = await startDashboard({ port: args.port, host: args.host });
  process.stdout.write(`clicktrail-dashboard: listening on ${dashboard.url}/\n`);
  const stop = () => {
    dashboard.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main(process.argv.slice(2)).catch((error: Error) => {
  process.stderr.write(`clicktrail-dashboard: ${error.message}\n`);
  process.exit(error instanceof UsageError ? 2 : 1);
});
