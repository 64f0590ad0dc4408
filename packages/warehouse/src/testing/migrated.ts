import { migrate } from '../migrate.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

/** A throwaway database with every migration applied. */
export async function createMigratedTestDatabase(): Promise<TestDatabase> {
  const db = await createTestDatabase();
  const client = await db.connect();
  try {
    await migrate(client);
  } catch (error) {
    await client.end();
    await db.drop();
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
  return db;
}
