/** `@clicktrail/warehouse/testing`: throwaway databases for the test suites of every reader and writer. */
export { freeLoopbackPort } from './free-port.js';
export { insertEvents, testEventRow } from './insert-events.js';
export { createMigratedTestDatabase } from './migrated.js';
export type { TestDatabase } from './test-database.js';
export {
  createPgliteDatabase,
  createServerDatabase,
  createTestDatabase,
  DATABASE_KINDS,
} from './test-database.js';
