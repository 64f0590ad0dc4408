/** What discovery makes of one listed key: a raw object to load, or why it is skipped. */
export type KeyCheck = { ok: true; day: string } | { ok: false; reason: string };

const RAW_KEY = /^events\/(\d{4})\/(\d{2})\/(\d{2})\/([^/]+)\.ndjson\.gz$/;
const EXPECTED = 'expected events/YYYY/MM/DD/<name>.ndjson.gz with a real UTC date';
// A backslash or a control character: no writer of ours makes one, and a folder store
// cannot address it.
const ODD_NAME = /[\\\u0000-\u001f\u007f]/;

/**
 * Checks a key before it reaches the ledger: its date folder must be a calendar day
 * PostgreSQL can store (`2026/02/30` and `9999/99/99` are not) and its name plain text.
 * A key that fails is skipped and reported, never loaded and never fatal.
 */
export function checkRawKey(key: string): KeyCheck {
  const match = RAW_KEY.exec(key);
  if (!match) return { ok: false, reason: EXPECTED };
  const [, y, m, d, name] = match as unknown as [string, string, string, string, string];
  const year = Number(y);
  const date = new Date(Date.UTC(year, Number(m) - 1, Number(d)));
  const real =
    year >= 1970 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === Number(m) - 1 &&
    date.getUTCDate() === Number(d);
  if (!real) return { ok: false, reason: `${EXPECTED}; ${y}/${m}/${d} is no date` };
  if (ODD_NAME.test(name) || !(name as unknown as { isWellFormed(): boolean }).isWellFormed()) {
    return { ok: false, reason: `${EXPECTED}; the name holds a backslash or control character` };
  }
  return { ok: true, day: `${y}-${m}-${d}` };
}
