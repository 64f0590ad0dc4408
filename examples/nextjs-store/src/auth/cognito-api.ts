/** The few Cognito user-pool API calls the store makes itself, as plain JSON over HTTP. */
export class CognitoApiError extends Error {
  override name = 'CognitoApiError';
  constructor(
    readonly action: string,
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(`Cognito ${action} answered ${status} ${type}: ${message}`);
  }
}

/**
 * One call to a Cognito-compatible endpoint. Used only against cognito-local, which signs
 * nothing and checks no credentials; a real pool is never administered by the store.
 */
export async function cognitoCall<T>(endpoint: string, action: string, body: object): Promise<T> {
  const response = await fetch(`${endpoint}/`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AWSCognitoIdentityProviderService.${action}`,
    },
    body: JSON.stringify(body),
  });
  const answer = (await response.json().catch(() => ({}))) as T & {
    __type?: string;
    message?: string;
  };
  if (!response.ok) {
    throw new CognitoApiError(
      action,
      response.status,
      answer.__type ?? 'Error',
      answer.message ?? '',
    );
  }
  return answer;
}
