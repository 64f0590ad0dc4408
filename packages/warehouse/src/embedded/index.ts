/** `@clicktrail/warehouse/embedded`: PGlite behind a loopback PostgreSQL socket, shared by local processes. */
export { PGLITE_LOCK_FILE } from './dir-lock.js';
export type { EmbeddedServer } from './embedded.js';
export { startEmbedded } from './embedded.js';
export type { EnsureOptions, SharedServer } from './ensure.js';
export { ensureEmbeddedServer } from './ensure.js';
