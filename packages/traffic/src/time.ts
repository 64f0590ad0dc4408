/** Days cut in a reporting time zone, the way the warehouse cuts them. */

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The YYYY-MM-DD day of `timestamp` (epoch ms) in `timeZone`. */
export function dayOf(timestamp: number, timeZone: string): string {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  return format.format(timestamp);
}

/** Days from `from` to `to`, inclusive, as YYYY-MM-DD. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (
    let t = Date.parse(`${from}T12:00:00Z`);
    t <= Date.parse(`${to}T12:00:00Z`);
    t += 86_400_000
  ) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

/** The epoch ms at which `day` begins in `timeZone` (searching the hour offset; DST-safe). */
export function startOfDay(day: string, timeZone: string): number {
  const noonUtc = Date.parse(`${day}T00:00:00Z`);
  for (let offsetHours = -14; offsetHours <= 14; offsetHours += 0.25) {
    const candidate = noonUtc - offsetHours * 3_600_000;
    if (dayOf(candidate, timeZone) === day && dayOf(candidate - 1, timeZone) !== day)
      return candidate;
  }
  throw new RangeError(`cannot find the start of ${day} in ${timeZone}`);
}
