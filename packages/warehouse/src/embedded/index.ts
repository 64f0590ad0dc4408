/** `@clicktrail/warehouse/embedded`: PGlite behind a loopback PostgreSQL socket. */
export { PGLITE_LOCK_FILE } from './dir-lock.js';
export type { EmbeddedServer } from './embedded.js';
export { startEmbedded } from './embedded.js';
