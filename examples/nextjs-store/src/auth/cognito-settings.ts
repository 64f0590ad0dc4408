import { cognitoCall } from './cognito-api';

/** The user pool the store signs people in with, as the browser and the verifier need it. */
export interface CognitoSettings {
  userPoolId: string;
  clientId: string;
  region: string;
  /** cognito-local's URL; null for a real Amazon Cognito pool. */
  endpoint: string | null;
  /** The `iss` claim of the pool's tokens. */
  issuer: string;
}

export const LOCAL_COGNITO_ENDPOINT = 'http://localhost:9229';
export const LOCAL_POOL_NAME = 'clicktrail-store';
const LOCAL_CLIENT_NAME = 'clicktrail-store-web';

/**
 * A real pool when COGNITO_USER_POOL_ID and COGNITO_CLIENT_ID are set (region from
 * COGNITO_REGION, AWS_REGION, or the pool id's prefix). Otherwise cognito-local at
 * COGNITO_ENDPOINT (default http://localhost:9229), where the store finds or creates its pool
 * and app client by name.
 */
export async function resolveCognito(
  env: Record<string, string | undefined> = process.env,
): Promise<CognitoSettings> {
  const endpoint = env.COGNITO_ENDPOINT?.replace(/\/+$/, '') || null;
  if (env.COGNITO_USER_POOL_ID && env.COGNITO_CLIENT_ID) {
    const userPoolId = env.COGNITO_USER_POOL_ID;
    const region = env.COGNITO_REGION ?? env.AWS_REGION ?? userPoolId.split('_')[0] ?? 'us-east-1';
    return {
      userPoolId,
      clientId: env.COGNITO_CLIENT_ID,
      region,
      endpoint,
      issuer: endpoint
        ? `${endpoint}/${userPoolId}`
        : `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`,
    };
  }
  return provisionLocal(endpoint ?? LOCAL_COGNITO_ENDPOINT);
}

interface Listed {
  UserPools?: { Id: string; Name: string }[];
  UserPoolClients?: { ClientId: string; ClientName: string }[];
}

/** Finds or creates the store's pool and client in cognito-local (its issuer is its own URL). */
export async function provisionLocal(endpoint: string): Promise<CognitoSettings> {
  const pools = await cognitoCall<Listed>(endpoint, 'ListUserPools', { MaxResults: 60 });
  let userPoolId = pools.UserPools?.find((p) => p.Name === LOCAL_POOL_NAME)?.Id;
  userPoolId ??= (
    await cognitoCall<{ UserPool: { Id: string } }>(endpoint, 'CreateUserPool', {
      PoolName: LOCAL_POOL_NAME,
      UsernameAttributes: ['email'],
    })
  ).UserPool.Id;
  const clients = await cognitoCall<Listed>(endpoint, 'ListUserPoolClients', {
    UserPoolId: userPoolId,
    MaxResults: 60,
  });
  let clientId = clients.UserPoolClients?.find((c) => c.ClientName === LOCAL_CLIENT_NAME)?.ClientId;
  clientId ??= (
    await cognitoCall<{ UserPoolClient: { ClientId: string } }>(endpoint, 'CreateUserPoolClient', {
      UserPoolId: userPoolId,
      ClientName: LOCAL_CLIENT_NAME,
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    })
  ).UserPoolClient.ClientId;
  return { userPoolId, clientId, region: 'local', endpoint, issuer: `${endpoint}/${userPoolId}` };
}

/** cognito-local only: confirms a new account at once (there is no mail to read a code from). */
export async function confirmLocalSignUp(
  settings: CognitoSettings,
  username: string,
): Promise<void> {
  if (!settings.endpoint)
    throw new Error('Accounts of a real Cognito pool are confirmed by their code');
  await cognitoCall(settings.endpoint, 'AdminConfirmSignUp', {
    UserPoolId: settings.userPoolId,
    Username: username,
  });
}
