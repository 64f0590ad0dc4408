import {
  AuthenticationDetails,
  CognitoUser,
  CognitoUserAttribute,
  CognitoUserPool,
  type CognitoUserSession,
} from 'amazon-cognito-identity-js';

/** What the browser needs to reach the pool: nothing secret. */
export interface PublicCognito {
  userPoolId: string;
  clientId: string;
  /** cognito-local's URL, or null for Amazon Cognito. */
  endpoint: string | null;
}

export function userPool(settings: PublicCognito): CognitoUserPool {
  return new CognitoUserPool({
    UserPoolId: settings.userPoolId,
    ClientId: settings.clientId,
    ...(settings.endpoint ? { endpoint: `${settings.endpoint}/` } : {}),
  });
}

/** Registers an account named by its email address. */
export function signUp(pool: CognitoUserPool, email: string, password: string): Promise<void> {
  const attributes = [new CognitoUserAttribute({ Name: 'email', Value: email })];
  return new Promise((resolve, reject) => {
    pool.signUp(email, password, attributes, [], (error) => (error ? reject(error) : resolve()));
  });
}

/**
 * Signs in with USER_PASSWORD_AUTH (cognito-local supports no SRP); the session is stored
 * where amazon-cognito-identity-js keeps it, so `@clicktrail/sdk/cognito` can read it.
 */
export function signIn(
  pool: CognitoUserPool,
  email: string,
  password: string,
): Promise<CognitoUserSession> {
  const user = new CognitoUser({ Username: email, Pool: pool });
  user.setAuthenticationFlowType('USER_PASSWORD_AUTH');
  return new Promise((resolve, reject) => {
    user.authenticateUser(new AuthenticationDetails({ Username: email, Password: password }), {
      onSuccess: resolve,
      onFailure: reject,
      newPasswordRequired: () => reject(new Error('This account needs a new password first')),
    });
  });
}

export function signOut(pool: CognitoUserPool): void {
  pool.getCurrentUser()?.signOut();
}
