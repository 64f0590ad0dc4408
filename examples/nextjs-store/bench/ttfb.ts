import { request } from 'node:http';

/** Milliseconds from sending a GET to its first body byte, `count` times, after one warm-up. */
export async function timeToFirstByte(url: string, count: number): Promise<number[]> {
  const once = () =>
    new Promise<number>((resolve, reject) => {
      const started = performance.now();
      const req = request(url, { agent: false }, (response) => {
        response.once('data', () => resolve(performance.now() - started));
        response.once('error', reject);
        response.resume();
      });
      req.once('error', reject);
      req.end();
    });
  await once();
  const times: number[] = [];
  for (let i = 0; i < count; i += 1) times.push(await once());
  return times;
}

/** Median and 95th percentile (nearest rank). */
export function quantiles(times: number[]): { median: number; p95: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const rank = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  return { median: rank(0.5), p95: rank(0.95) };
}
