import {
  CognitoAccessToken,
  CognitoIdToken,
  CognitoRefreshToken,
  CognitoUserPool,
  CognitoUserSession,
} from 'amazon-cognito-identity-js';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeEndpoint, resetBrowserState } from '../../test/fake-endpoint.js';
import { startClient } from '../../test/start-client.js';
import { syncCognitoUser, userFromCognitoSession } from './index.js';

const CLIENT_ID = 'testclient123';
const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (payload: object) => `${base64url({ alg: 'none' })}.${base64url(payload)}.sig`;
const inSeconds = (seconds: number) => Math.floor(Date.now() / 1000) + seconds;
const tokens = (exp: number) => ({
  id: jwt({ sub: 'user-sub-1', exp, iat: inSeconds(-60) }),
  access: jwt({ sub: 'user-sub-1', exp, iat: inSeconds(-60) }),
});
const session = (exp: number) => {
  const { id, access } = tokens(exp);
  return new CognitoUserSession({
    IdToken: new CognitoIdToken({ IdToken: id }),
    AccessToken: new CognitoAccessToken({ AccessToken: access }),
    RefreshToken: new CognitoRefreshToken({ RefreshToken: '' }),
  });
};
const pool = () => new CognitoUserPool({ UserPoolId: 'us-east-1_TestPool1', ClientId: CLIENT_ID });
/** What amazon-cognito-identity-js itself stores after a sign-in. */
const signIn = (exp: number) => {
  const prefix = `CognitoIdentityServiceProvider.${CLIENT_ID}`;
  const { id, access } = tokens(exp);
  localStorage.setItem(`${prefix}.LastAuthUser`, 'alice');
  localStorage.setItem(`${prefix}.alice.idToken`, id);
  localStorage.setItem(`${prefix}.alice.accessToken`, access);
  localStorage.setItem(`${prefix}.alice.refreshToken`, '');
  localStorage.setItem(`${prefix}.alice.clockDrift`, '0');
};

beforeEach(() => {
  resetBrowserState();
  fakeEndpoint();
});

describe('userFromCognitoSession', () => {
  it('takes the ID token subject as the user id of a valid session', () => {
    expect(userFromCognitoSession(session(inSeconds(3600)))).toEqual({
      userId: 'user-sub-1',
      loginState: 'logged_in',
      identitySource: 'cognito',
    });
  });

  it('reports an expired session as logged out', () => {
    expect(userFromCognitoSession(session(inSeconds(-3600))).loginState).toBe('logged_out');
  });
});

describe('syncCognitoUser', () => {
  it('sets the signed-in user of the pool on the client', async () => {
    signIn(inSeconds(3600));
    const client = startClient({ autoPageViews: false });
    await expect(syncCognitoUser(client, pool())).resolves.toMatchObject({ userId: 'user-sub-1' });
  });

  it('clears the user when nobody is signed in', async () => {
    const client = startClient({ autoPageViews: false });
    client.setUser({ userId: 'stale' });
    await expect(syncCognitoUser(client, pool())).resolves.toBeNull();
  });
});
