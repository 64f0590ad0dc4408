import type { Comparison } from './compare.js';

/**
 * The table verify prints: every headline figure and funnel step, and of the per-product
 * rows only those that differ (a product table per day would drown the summary); then totals.
 */
export function formatReport(rows: readonly Comparison[]): string {
  const shown = rows.filter((row) => !row.ok || !row.figure.startsWith('product '));
  const width = (pick: (row: Comparison) => string, header: string) =>
    Math.max(header.length, ...shown.map((row) => pick(row).length));
  const w = [
    width((r) => r.range, 'range'),
    width((r) => r.figure, 'figure'),
    width((r) => r.expected, 'expected'),
    width((r) => r.shown, 'shown'),
  ];
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(w[i] ?? 0))
      .join('  ')
      .trimEnd();
  const out = [
    line(['range', 'figure', 'expected', 'shown', '']),
    ...shown.map((r) => line([r.range, r.figure, r.expected, r.shown, r.ok ? 'ok' : 'DIFFERS'])),
  ];
  const wrong = rows.filter((row) => !row.ok).length;
  const products = rows.filter((row) => row.figure.startsWith('product ')).length;
  out.push(
    '',
    `${rows.length - wrong} of ${rows.length} figures match (${products} product figures, differing ones listed)${wrong ? `; ${wrong} DIFFER` : ''}`,
  );
  return out.join('\n');
}
