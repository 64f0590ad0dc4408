/** What discovery makes of one listed key: a raw object to load, or why it is skipped. */
export type KeyCheck = { ok: true; day: string } | { ok: false; reason: string };

const RAW_KEY = /^events\/(\d{4})\/(\d{2})\/(\d{2})\/([^/]+)\.ndjson\.gz$/;
const EXPECTED = 'expected events/YYYY/MM/DD/<name>.ndjson.gz with a real UTC date';
/**
 * A backslash or a control character: no writer of ours makes one, and a folder store
 * cannot address it. (A loop, as Biome forbids control characters in a regex.)
 */
function hasOddCharacter(name: string): boolean {
  for (let i = 0; i < name.length; i += 1) {
    const code = name.charCodeAt(i);
    if (code < 0x20 || code === 0x7f || code === 0x5c) return true;
  }
  return false;
}

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
  if (hasOddCharacter(name) || !(name as unknown as { isWellFormed(): boolean }).isWellFormed()) {
    return { ok: false, reason: `${EXPECTED}; the name holds a backslash or control character` };
  }
  return { ok: true, day: `${y}-${m}-${d}` };
}
