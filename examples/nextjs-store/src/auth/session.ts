import 'server-only';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { getDatabase } from '../db/connection';
import { type StoreUser, upsertUser } from '../db/users';
import { type CognitoSettings, resolveCognito } from './cognito-settings';
import { createIdTokenVerifier, type Identity, type IdTokenVerifier } from './verify-id-token';

export const SESSION_COOKIE = 'ct_id_token';

const holder = globalThis as {
  __clicktrailCognito?: Promise<CognitoSettings>;
  __clicktrailVerifier?: Promise<IdTokenVerifier>;
};

/** The pool, resolved once per process; a failure (cognito-local not up yet) is retried next time. */
export function cognitoSettings(): Promise<CognitoSettings> {
  holder.__clicktrailCognito ??= resolveCognito().catch((error) => {
    holder.__clicktrailCognito = undefined;
    throw error;
  });
  return holder.__clicktrailCognito;
}

function verifier(): Promise<IdTokenVerifier> {
  holder.__clicktrailVerifier ??= cognitoSettings()
    .then(createIdTokenVerifier)
    .catch((error) => {
      holder.__clicktrailVerifier = undefined;
      throw error;
    });
  return holder.__clicktrailVerifier;
}

/** The identity in an ID token, or null when the token is forged, expired or for another pool. */
export async function verifyIdToken(token: string): Promise<Identity | null> {
  return (await verifier())(token);
}

/** The signed-in shopper of this request, from the verified ID token cookie; null otherwise. */
export const currentUser = cache(async (): Promise<StoreUser | null> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!token) return null;
  const identity = await verifyIdToken(token).catch(() => null);
  if (!identity) return null;
  return upsertUser(await getDatabase(), { cognitoSub: identity.sub, email: identity.email });
});
