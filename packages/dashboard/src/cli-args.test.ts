import { describe, expect, it } from 'vitest';
import { checkExposure, parseArgs, UsageError } from './cli-args.js';

describe('parseArgs', () => {
  it('listens on 127.0.0.1:3838 by default', () => {
    expect(parseArgs([])).toEqual({ help: false, port: 3838, host: '127.0.0.1' });
  });

  it('takes --port and --host, over PORT and HOST', () => {
    expect(
      parseArgs(['--port', '4000', '--host', '0.0.0.0'], { PORT: '5000', HOST: '::1' }),
    ).toEqual({
      help: false,
      port: 4000,
      host: '0.0.0.0',
    });
    expect(parseArgs([], { PORT: '5000' }).port).toBe(5000);
  });

  it('refuses a port that is no port, a missing value and unknown options', () => {
    expect(() => parseArgs(['--port', 'abc'])).toThrow(UsageError);
    expect(() => parseArgs(['--port', '70000'])).toThrow(/0-65535/);
    expect(() => parseArgs(['--host'])).toThrow(/needs a value/);
    expect(() => parseArgs(['--verbose'])).toThrow(/unknown option/);
  });

  it('answers --help', () => {
    expect(parseArgs(['--help']).help).toBe(true);
  });
});

describe('checkExposure', () => {
  it('allows loopback without a password and anything with one', () => {
    expect(() => checkExposure('127.0.0.1', undefined)).not.toThrow();
    expect(() => checkExposure('0.0.0.0', 'secret')).not.toThrow();
  });

  it('refuses another address without a password', () => {
    expect(() => checkExposure('0.0.0.0', undefined)).toThrow(/DASHBOARD_PASSWORD/);
  });
});
