/** The warehouse could not be reached or opened; messages say which and why, never a password. */
export class WarehouseConnectionError extends Error {
  override name = 'WarehouseConnectionError';
}

export class EmbeddedWarehouseError extends Error {
  override name = 'EmbeddedWarehouseError';
}

/** A migration failed; the message names its version and the server's reason. */
export class MigrationError extends Error {
  override name = 'MigrationError';
}

/** A setting (an environment variable) holds something that cannot be used. */
export class WarehouseSettingsError extends Error {
  override name = 'WarehouseSettingsError';
}
