/**
 * Text for the quarantine's `reason` and `excerpt` columns, which must store whatever a raw
 * object held: a line with a NUL, a JSON parser message quoting half an emoji, the binary
 * tail of a damaged gzip. PostgreSQL text refuses NUL and its JSON parser refuses unpaired
 * surrogates, and one refused quarantine row would fail its whole group on every rerun.
 */

/** U+FFFD, the Unicode replacement character, stands in for what cannot be stored. */
export const REPLACEMENT = '\uFFFD';

type WellFormed = { toWellFormed(): string; isWellFormed(): boolean };

/** The text with NUL and every unpaired surrogate replaced by U+FFFD. */
export function storableText(text: string): string {
  const whole = (text as unknown as WellFormed).isWellFormed()
    ? text
    : (text as unknown as WellFormed).toWellFormed();
  return whole.includes('\u0000') ? whole.replaceAll('\u0000', REPLACEMENT) : whole;
}

/**
 * At most `max` UTF-16 units of the text, cut before a character rather than inside a
 * surrogate pair, then made storable.
 */
export function storableExcerpt(text: string, max: number): string {
  let end = Math.min(text.length, max);
  const last = text.charCodeAt(end - 1);
  // A high surrogate as the last unit: its pair is past the cut, so drop it too.
  if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
  return storableText(text.slice(0, end));
}
