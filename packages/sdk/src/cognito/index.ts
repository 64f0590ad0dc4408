/**
 * `@clicktrail/sdk/cognito`: login state from an Amazon Cognito user pool session
 * (`amazon-cognito-identity-js`, an optional peer dependency). Only types are imported,
 * so the core bundle never carries Cognito code.
 */
import type { CognitoUserPool, CognitoUserSession } from 'amazon-cognito-identity-js';
import type { ClickstreamClient } from '../api.js';
import type { User } from '../options.js';

export const COGNITO_IDENTITY_SOURCE = 'cognito';

/** The user of a session: the ID token's `sub`, logged in while the session is valid. */
export function userFromCognitoSession(session: CognitoUserSession): User {
  const userId = session.getIdToken().decodePayload().sub as string;
  return {
    userId,
    loginState: session.isValid() ? 'logged_in' : 'logged_out',
    identitySource: COGNITO_IDENTITY_SOURCE,
  };
}

/**
 * Reads the pool's current user and sets or clears it on the client. Resolves with the
 * user set, or null when nobody is signed in or the session cannot be read. Never rejects.
 */
export function syncCognitoUser(
  client: ClickstreamClient,
  pool: CognitoUserPool,
): Promise<User | null> {
  return new Promise((resolve) => {
    const cognitoUser = pool.getCurrentUser();
    if (!cognitoUser) {
      client.clearUser();
      return resolve(null);
    }
    cognitoUser.getSession((error: Error | null, session: CognitoUserSession | null) => {
      if (error || !session?.isValid()) {
        client.clearUser();
        return resolve(null);
      }
      const user = userFromCognitoSession(session);
      client.setUser(user);
      resolve(user);
    });
  });
}
