/** The most of one product a cart line may hold. */
export const MAX_QUANTITY = 99;

export class InvalidQuantityError extends Error {
  override name = 'InvalidQuantityError';
  constructor(readonly input: unknown) {
    super(
      `Quantity must be a whole number from 1 to ${MAX_QUANTITY}, got "${String(input).slice(0, 20)}"`,
    );
  }
}

/** A quantity from a form field or a cookie: a positive integer up to MAX_QUANTITY, or throws. */
export function parseQuantity(input: unknown): number {
  const text =
    typeof input === 'number' ? String(input) : typeof input === 'string' ? input.trim() : '';
  if (!/^\d{1,3}$/.test(text)) throw new InvalidQuantityError(input);
  const quantity = Number(text);
  if (quantity < 1 || quantity > MAX_QUANTITY) throw new InvalidQuantityError(input);
  return quantity;
}
