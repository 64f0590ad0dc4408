import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from './cli-args.js';

describe('parseArgs', () => {
  it('reads run with its options', () => {
    expect(
      parseArgs(['run', '--raw-dir', 'r', '--database-url', 'postgres://x', '--full']),
    ).toMatchObject({
      command: 'run',
      rawDir: 'r',
      databaseUrl: 'postgres://x',
      full: true,
      wait: false,
    });
  });

  it('reads watch --every', () => {
    expect(parseArgs(['watch', '--every', '5'])).toMatchObject({
      command: 'watch',
      everySeconds: 5,
    });
  });

  it('shows help with no arguments or --help', () => {
    expect(parseArgs([]).command).toBe('help');
    expect(parseArgs(['run', '--help']).command).toBe('help');
  });

  it('refuses unknown commands, unknown options and bad intervals', () => {
    expect(() => parseArgs(['load'])).toThrow(UsageError);
    expect(() => parseArgs(['run', '--fast'])).toThrow(/unknown option "--fast"/);
    expect(() => parseArgs(['watch', '--every', '0'])).toThrow(/positive number/);
    expect(() => parseArgs(['run', '--raw-dir'])).toThrow(/--raw-dir needs a value/);
  });

  it('reads --recent-days and --concurrency, and refuses what is no whole number', () => {
    expect(parseArgs(['run', '--recent-days', '3', '--concurrency', '32'])).toMatchObject({
      recentDays: 3,
      concurrency: 32,
    });
    expect(() => parseArgs(['run', '--concurrency', '0'])).toThrow(/whole number ≥ 1, got "0"/);
  });
});
