// pnpm --filter nextjs-store seed: applies the migrations and writes the catalog. Idempotent.
import { connect } from '../src/db/connection';
import { migrate } from '../src/db/migrate';
import { seed } from '../src/db/seed';
import { resolveDatabase } from './resolve-database';

const target = await resolveDatabase();
const db = connect(target, { max: 2 });
try {
  const applied = await migrate(db);
  const result = await seed(db);
  console.info(
    `seeded ${result.products} products (${result.stocked} newly stocked); migrations applied: ${applied.join(', ') || 'none'}`,
  );
} finally {
  await db.end();
  await target.server?.release();
}
