import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../lib/config.js';
import { ConfigError, loadConfig } from '../lib/load-config.js';

describe('loadConfig', () => {
  it('returns the reference design with no context', () => {
    expect(loadConfig(undefined)).toEqual(defaultConfig);
    expect(defaultConfig).toMatchObject({
      azCount: 1,
      etlSchedule: 'rate(1 hour)',
      oltpSshCidrs: [],
    });
  });

  it('reads a JSON string as given with -c on the command line', () => {
    expect(loadConfig('{"azCount":2}').azCount).toBe(2);
  });

  it.each([
    [{ azCuont: 2 }, /clicktrail\.azCuont: expected one of stackName/],
    [{ azCount: '2' }, /clicktrail\.azCount: expected a number, got "2"/],
    [{ azCount: 4 }, /azCount: expected an integer from 1 to 3/],
    [{ oltpSshCidrs: ['0.0.0.0'] }, /oltpSshCidrs: expected IPv4 CIDRs/],
    [{ corsOrigins: ['https://shop.example.com/'] }, /corsOrigins: expected origins/],
    [{ etlSchedule: 'every hour' }, /etlSchedule: expected rate\(\.\.\.\) or cron/],
    [{ rawBucketName: 'Bad_Name' }, /rawBucketName: expected a valid S3 bucket name/],
    [{ logRetentionDays: 10 }, /logRetentionDays: expected one of 1, 3/],
  ])('refuses %j', (input, message) => {
    expect(() => loadConfig(input)).toThrow(ConfigError);
    expect(() => loadConfig(input)).toThrow(message);
  });
});
