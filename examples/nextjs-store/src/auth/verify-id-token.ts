import { CognitoJwtVerifier, JwtRsaVerifier } from 'aws-jwt-verify';
import type { CognitoSettings } from './cognito-settings';

/** Who a verified ID token names. */
export interface Identity {
  sub: string;
  email: string;
}

export type IdTokenVerifier = (token: string) => Promise<Identity | null>;

const identityOf = (payload: Record<string, unknown>): Identity | null =>
  typeof payload.sub === 'string' && payload.token_use === 'id'
    ? { sub: payload.sub, email: typeof payload.email === 'string' ? payload.email : '' }
    : null;

/**
 * Checks signature, issuer, audience (the app client), expiry and `token_use: id`; a token that
 * fails any check names nobody (null), it never throws. A real pool's keys come from its https
 * JWKS; cognito-local's are fetched once over http and cached, because aws-jwt-verify refuses
 * http JWKS URLs and cognito-local's `local_…` pool ids.
 */
export async function createIdTokenVerifier(settings: CognitoSettings): Promise<IdTokenVerifier> {
  const verify = settings.endpoint ? await localVerifier(settings) : awsVerifier(settings);
  return async (token) => {
    try {
      return identityOf((await verify(token)) as Record<string, unknown>);
    } catch {
      return null;
    }
  };
}

function awsVerifier(settings: CognitoSettings) {
  const verifier = CognitoJwtVerifier.create({
    userPoolId: settings.userPoolId,
    clientId: settings.clientId,
    tokenUse: 'id',
  });
  return (token: string) => verifier.verify(token);
}

async function localVerifier(settings: CognitoSettings) {
  const verifier = JwtRsaVerifier.create({
    issuer: settings.issuer,
    audience: settings.clientId,
    jwksUri: 'https://unused.invalid/jwks.json',
  });
  const response = await fetch(`${settings.endpoint}/${settings.userPoolId}/.well-known/jwks.json`);
  if (!response.ok) throw new Error(`cognito-local answered ${response.status} for its JWKS`);
  verifier.cacheJwks(await response.json());
  return (token: string) => verifier.verify(token);
}
