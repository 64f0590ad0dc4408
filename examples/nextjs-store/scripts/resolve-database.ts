import { webDatabaseTarget } from '@clicktrail/warehouse';
import { ensureEmbeddedServer, type SharedServer } from '@clicktrail/warehouse/embedded';
import { type DatabaseTarget, databaseFromEnv } from '../src/db/connection';

/**
 * DATABASE_URL when set, or DATABASE_HOST with DATABASE_SECRET_ARN; otherwise the warehouse's shared embedded PGlite server
 * (`DW_DIR`, default `.clicktrail/dw` under the working directory; port `CLICKTRAIL_PG_PORT`,
 * default 5433), joined if another process serves it, started here if none does.
 */
export async function resolveDatabase(
  env: Record<string, string | undefined> = process.env,
): Promise<DatabaseTarget & { server: SharedServer | null }> {
  if (!env.DATABASE_URL && env.DATABASE_HOST && env.DATABASE_SECRET_ARN) {
    return { ...(await databaseFromEnv(env)), server: null };
  }
  const target = webDatabaseTarget(env);
  if (target.kind === 'server') {
    return { url: String(target.config.connectionString), embedded: false, server: null };
  }
  const server = await ensureEmbeddedServer({ dir: target.dir, port: target.port });
  return { url: server.connectionString, embedded: true, server };
}
