import { describe, expect, it } from 'vitest';
import { PasswordGate } from './auth.js';

describe('PasswordGate', () => {
  const gate = new PasswordGate('correct horse');

  it('accepts the password and nothing else', () => {
    expect(gate.checkPassword('correct horse')).toBe(true);
    expect(gate.checkPassword('correct hors')).toBe(false);
    expect(gate.checkPassword('')).toBe(false);
  });

  it('accepts its own session token, not one made with another password', () => {
    expect(gate.checkToken(gate.sessionToken())).toBe(true);
    expect(gate.checkToken(new PasswordGate('other').sessionToken())).toBe(false);
    expect(gate.checkToken('short')).toBe(false);
    expect(gate.checkToken(undefined)).toBe(false);
  });

  it('never puts the password in the token', () => {
    expect(Buffer.from(gate.sessionToken(), 'base64url').toString('latin1')).not.toContain(
      'correct',
    );
  });
});
