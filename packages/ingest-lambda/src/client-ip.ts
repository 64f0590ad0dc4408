import { isIPv4, isIPv6 } from 'node:net';

/**
 * Zeroes the host part of an address before it is stored (GDPR-friendly, like
 * Google Analytics' IP anonymisation): IPv4 keeps 24 bits, IPv6 keeps 48 bits.
 * IPv4-mapped IPv6 addresses (`::ffff:1.2.3.4`, what dual-stack sockets report)
 * are treated as IPv4. Anything that is not an address gives null.
 */
export function truncateIp(address: string | undefined | null): string | null {
  if (!address) return null;
  const withoutZone = address.split('%')[0] ?? '';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(withoutZone);
  const candidate = mapped?.[1] ?? withoutZone;
  if (isIPv4(candidate)) return `${candidate.slice(0, candidate.lastIndexOf('.'))}.0`;
  if (isIPv6(candidate)) return truncateIPv6(candidate);
  return null;
}

function truncateIPv6(address: string): string {
  const groups = expandIPv6(address);
  const kept = groups.slice(0, 3).map((group) => Number.parseInt(group, 16).toString(16));
  return `${kept.join(':')}::`;
}

/** The eight 16-bit groups of an IPv6 address already checked by `isIPv6`. */
function expandIPv6(address: string): string[] {
  const [head = '', tail] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  // An embedded IPv4 tail (`::1.2.3.4`) counts as two groups; only the first three matter here.
  const width = (parts: string[]) => parts.reduce((n, part) => n + (part.includes('.') ? 2 : 1), 0);
  const zeros = tail === undefined ? [] : Array(8 - width(left) - width(right)).fill('0');
  return [...left, ...zeros, ...right].map((group) => (group.includes('.') ? '0' : group));
}
