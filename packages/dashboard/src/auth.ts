import { createHmac, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'clicktrail_dashboard';

/**
 * The optional shared-secret login. The cookie holds an HMAC of a fixed label keyed with the
 * password, so it is the same in every process and worthless once the password changes, and
 * the password itself never leaves the login form.
 */
export class PasswordGate {
  readonly #token: Buffer;
  readonly #password: Buffer;

  constructor(password: string) {
    this.#password = digest(password, 'password');
    this.#token = digest(password, 'session');
  }

  /** Constant-time: compares fixed-length digests, never the raw strings. */
  checkPassword(candidate: string): boolean {
    return timingSafeEqual(digest(candidate, 'password'), this.#password);
  }

  sessionToken(): string {
    return this.#token.toString('base64url');
  }

  checkToken(candidate: string | undefined): boolean {
    if (!candidate) return false;
    const given = Buffer.from(candidate, 'base64url');
    return given.length === this.#token.length && timingSafeEqual(given, this.#token);
  }
}

function digest(secret: string, label: string): Buffer {
  return createHmac('sha256', secret).update(`clicktrail-dashboard:${label}`).digest();
}
