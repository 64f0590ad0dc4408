// pnpm --filter nextjs-store start: the production build on $PORT (default 3000), in this one
// process. With DATABASE_URL unset, the process first joins or serves the warehouse's embedded
// database and hands its URL to the app (the Next.js bundle cannot load the warehouse package).
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import next from 'next';
import { connect, EMBEDDED_FLAG } from '../src/db/connection';
import { migrate } from '../src/db/migrate';
import { resolveDatabase } from './resolve-database';

const database = await resolveDatabase();
// The schema must be current before the first request; the catalog comes from `seed`.
const db = connect(database, { max: 1 });
await migrate(db).finally(() => db.end());
process.env.DATABASE_URL = database.url;
process.env[EMBEDDED_FLAG] = database.embedded ? '1' : '';
process.env.NEXT_TELEMETRY_DISABLED = '1';

const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME || '0.0.0.0';
const app = next({
  dev: false,
  dir: fileURLToPath(new URL('..', import.meta.url)),
  hostname,
  port,
});
const handle = app.getRequestHandler();
await app.prepare();
const server = createServer((request, response) => void handle(request, response));
server.listen(port, hostname, () =>
  console.info(`nextjs-store ready on http://${hostname}:${port}`),
);

async function stop() {
  server.close();
  await database.server?.release();
  process.exit(0);
}
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
