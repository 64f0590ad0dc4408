/** Numbers for people: 1,234 / 12.3k / 4.5M, 3.4 %, €12.50, 1m 05s; `–` when undefined. */

export const DASH = '–';

export function formatCount(value: number | null): string {
  if (value === null) return DASH;
  const abs = Math.abs(value);
  if (abs < 10_000) return Math.round(value).toLocaleString('en-US');
  const [divisor, suffix] = abs >= 1e9 ? [1e9, 'B'] : abs >= 1e6 ? [1e6, 'M'] : [1e3, 'k'];
  const scaled = value / divisor;
  return `${scaled.toFixed(Math.abs(scaled) < 100 ? 1 : 0).replace(/\.0$/, '')}${suffix}`;
}

export function formatRatio(value: number | null, digits = 1): string {
  return value === null ? DASH : `${(value * 100).toFixed(digits)}%`;
}

export function formatMoney(value: number | null, currency: string | null): string {
  if (value === null) return DASH;
  if (currency && /^[A-Z]{3}$/.test(currency)) {
    try {
      return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(value);
    } catch {
      // An ISO-shaped code Intl does not know: fall through to the plain form.
    }
  }
  return `${value.toFixed(2)}${currency ? ` ${currency}` : ''}`;
}

export function formatDuration(seconds: number | null): string {
  if (seconds === null) return DASH;
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole}s`;
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) return `${minutes}m ${String(whole % 60).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, '0')}m`;
}

export function formatDecimal(value: number | null, digits = 2): string {
  return value === null ? DASH : value.toFixed(digits);
}

/** Relative change against the previous period: `+12.5%`, `−3.0%`, `new` from zero. */
export function formatChange(current: number | null, previous: number | null): string {
  if (current === null || previous === null) return '';
  if (previous === 0) return current === 0 ? '±0%' : 'new';
  const change = (current - previous) / Math.abs(previous);
  const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
  return `${sign}${Math.abs(change * 100).toFixed(1)}%`;
}

/**
 * The line under a headline number: its change and what it is against (`+12.5% vs 1.2k`);
 * from zero a percentage means nothing, so `up from 0`. Empty when either side is missing.
 */
export function formatComparison(
  current: number | null,
  previous: number | null,
  format: (value: number | null) => string,
): string {
  const change = formatChange(current, previous);
  if (change === '') return '';
  return change === 'new' ? `up from ${format(previous)}` : `${change} vs ${format(previous)}`;
}
