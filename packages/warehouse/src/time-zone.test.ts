import { describe, expect, it } from 'vitest';
import { reportingTimeZone } from './time-zone.js';

describe('reportingTimeZone', () => {
  it('is UTC unless CLICKTRAIL_TIME_ZONE names another, in its canonical spelling', () => {
    expect(reportingTimeZone({})).toBe('UTC');
    expect(reportingTimeZone({ CLICKTRAIL_TIME_ZONE: ' ' })).toBe('UTC');
    expect(reportingTimeZone({ CLICKTRAIL_TIME_ZONE: 'asia/singapore' })).toBe('Asia/Singapore');
  });

  it('refuses what is no IANA name, saying what it expected', () => {
    expect(() => reportingTimeZone({ CLICKTRAIL_TIME_ZONE: 'Mars/Olympus' })).toThrow(
      'CLICKTRAIL_TIME_ZONE must be an IANA time zone name such as UTC or Asia/Singapore; got "Mars/Olympus"',
    );
  });
});
