/** The warehouse could not be reached or opened; messages say which and why, never a password. */
export class WarehouseConnectionError extends Error {
  override name = 'WarehouseConnectionError';
}

export class EmbeddedWarehouseError extends Error {
  override name = 'EmbeddedWarehouseError';
}
