import { describe, expect, it } from 'vitest';
import {
  formatChange,
  formatComparison,
  formatCount,
  formatDuration,
  formatMoney,
  formatRatio,
} from './format.js';

describe('formatting for people', () => {
  it('shortens large counts and keeps small ones whole', () => {
    expect([
      formatCount(7),
      formatCount(1234),
      formatCount(12_345),
      formatCount(3_400_000),
    ]).toEqual(['7', '1,234', '12.3k', '3.4M']);
  });

  it('writes fractions as percentages and an undefined rate as a dash', () => {
    expect([formatRatio(0.034), formatRatio(1), formatRatio(null)]).toEqual([
      '3.4%',
      '100.0%',
      '–',
    ]);
  });

  it('writes revenue with its currency', () => {
    expect(formatMoney(12.5, 'EUR')).toBe('€12.50');
    expect(formatMoney(12.5, null)).toBe('12.50');
  });

  it('writes durations in seconds, minutes and hours', () => {
    expect([formatDuration(9.6), formatDuration(65), formatDuration(3_725)]).toEqual([
      '10s',
      '1m 05s',
      '1h 02m',
    ]);
  });

  it('states the change against the previous period', () => {
    expect([
      formatChange(110, 100),
      formatChange(90, 100),
      formatChange(5, 0),
      formatChange(0, 0),
    ]).toEqual(['+10.0%', '−10.0%', 'new', '±0%']);
  });

  it('says what the change is against, and "up from 0" rather than "new vs 0"', () => {
    const count = (v: number | null) => formatCount(v);
    expect([
      formatComparison(1_250, 1_000, count),
      formatComparison(5, 0, count),
      formatComparison(0, 0, count),
      formatComparison(null, 3, count),
    ]).toEqual(['+25.0% vs 1,000', 'up from 0', '±0% vs 0', '']);
  });
});
