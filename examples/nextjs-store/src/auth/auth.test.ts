import { createPrivateKey, sign } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CognitoLocal, startCognitoLocal } from '../../test/cognito-local';
import { signIn, signUp, userPool } from './cognito-client';
import {
  type CognitoSettings,
  confirmLocalSignUp,
  provisionLocal,
  resolveCognito,
} from './cognito-settings';
import { createIdTokenVerifier, type IdTokenVerifier } from './verify-id-token';

const EMAIL = 'ada@example.com';
const PASSWORD = 'Analytical-Engine-1843';
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const parts = (token: string) => token.split('.') as [string, string, string];
const claims = (token: string) => JSON.parse(Buffer.from(parts(token)[1], 'base64url').toString());

/** A token signed with cognito-local's own private key: valid in every way but what we change. */
async function signWithLocalKey(header: object, payload: object): Promise<string> {
  const file = new URL(
    '../../node_modules/cognito-local/lib/keys/cognitoLocal.private.json',
    import.meta.url,
  );
  const { jwk } = JSON.parse(await readFile(file, 'utf8'));
  const input = `${b64(header)}.${b64(payload)}`;
  const signature = sign(
    'RSA-SHA256',
    Buffer.from(input),
    createPrivateKey({ key: jwk, format: 'jwk' }),
  );
  return `${input}.${signature.toString('base64url')}`;
}

describe('Cognito login against cognito-local', () => {
  let cognito: CognitoLocal;
  let settings: CognitoSettings;
  let verify: IdTokenVerifier;
  let idToken: string;

  beforeAll(async () => {
    cognito = await startCognitoLocal();
    settings = await resolveCognito({ COGNITO_ENDPOINT: cognito.endpoint });
    verify = await createIdTokenVerifier(settings);
  });
  afterAll(() => cognito?.stop());

  it('creates the store pool once and finds it again', async () => {
    expect(settings.userPoolId).toMatch(/^local_/);
    expect(await provisionLocal(cognito.endpoint)).toEqual(settings);
  });

  it('signs up, confirms, and logs in with USER_PASSWORD_AUTH', async () => {
    const pool = userPool(settings);
    await signUp(pool, EMAIL, PASSWORD);
    await expect(signIn(pool, EMAIL, PASSWORD)).rejects.toThrow(/confirm/i);
    await confirmLocalSignUp(settings, EMAIL);
    const session = await signIn(pool, EMAIL, PASSWORD);
    idToken = session.getIdToken().getJwtToken();
    await expect(signIn(pool, EMAIL, 'wrong-Password-1')).rejects.toThrow();
  });

  it('names the user of a genuine ID token', async () => {
    expect(await verify(idToken)).toEqual({ sub: claims(idToken).sub, email: EMAIL });
  });

  it('refuses a token whose claims were changed after signing', async () => {
    const [header, , signature] = parts(idToken);
    const forged = `${header}.${b64({ ...claims(idToken), sub: 'someone-else' })}.${signature}`;
    expect(await verify(forged)).toBeNull();
  });

  it('refuses an unsigned token and garbage', async () => {
    expect(await verify(`${b64({ alg: 'none' })}.${b64(claims(idToken))}.`)).toBeNull();
    expect(await verify('not-a-token')).toBeNull();
  });

  it('refuses an expired token, another app client, and an access token, even when signed by the pool', async () => {
    const header = JSON.parse(Buffer.from(parts(idToken)[0], 'base64url').toString());
    const now = Math.floor(Date.now() / 1000);
    const good = await signWithLocalKey(header, { ...claims(idToken), exp: now + 600 });
    expect(await verify(good)).not.toBeNull();
    expect(
      await verify(await signWithLocalKey(header, { ...claims(idToken), exp: now - 60 })),
    ).toBeNull();
    expect(
      await verify(await signWithLocalKey(header, { ...claims(idToken), aud: 'other-client' })),
    ).toBeNull();
    expect(
      await verify(await signWithLocalKey(header, { ...claims(idToken), token_use: 'access' })),
    ).toBeNull();
    expect(
      await verify(
        await signWithLocalKey(header, { ...claims(idToken), iss: 'http://evil.example/x' }),
      ),
    ).toBeNull();
  });
});

describe('resolveCognito', () => {
  it('uses a real pool when its ids are set, with the region from the pool id', async () => {
    const settings = await resolveCognito({
      COGNITO_USER_POOL_ID: 'eu-west-1_AbC123',
      COGNITO_CLIENT_ID: 'client1',
    });
    expect(settings).toEqual({
      userPoolId: 'eu-west-1_AbC123',
      clientId: 'client1',
      region: 'eu-west-1',
      endpoint: null,
      issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123',
    });
  });
});
