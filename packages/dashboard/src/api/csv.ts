/** RFC 4180 CSV: a header of every key the rows use (in first-seen order), quotes only where needed. */
export type CsvRow = Record<string, string | number | boolean | null>;

const field = (value: CsvRow[string]): string => {
  if (value === null || value === undefined) return '';
  const text = String(value);
  // A leading = + - @ would make a spreadsheet run it as a formula.
  const safe = /^[=+\-@]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

export function toCsv(rows: readonly CsvRow[], columns?: readonly string[]): string {
  const header = columns ?? [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const lines = [header.map(field).join(',')];
  for (const row of rows) lines.push(header.map((key) => field(row[key] ?? null)).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
