/** A query parameter the dashboard cannot answer: shown on the page, a 400 from the API. */
export class FilterError extends Error {
  override name = 'FilterError';
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
  }
}
