'use server';
import { cookies, headers } from 'next/headers';
import { confirmLocalSignUp } from '@/auth/cognito-settings';
import { cognitoSettings, SESSION_COOKIE, verifyIdToken } from '@/auth/session';
import { getDatabase } from '@/db/connection';
import { upsertUser } from '@/db/users';

export type SessionResult = { ok: true; email: string } | { ok: false; error: string };

/** Verifies the ID token the browser got from Cognito and keeps it in an HttpOnly cookie. */
export async function startSession(idToken: string): Promise<SessionResult> {
  const identity =
    typeof idToken === 'string' ? await verifyIdToken(idToken).catch(() => null) : null;
  if (!identity)
    return { ok: false, error: 'That sign-in could not be verified. Please try again.' };
  await upsertUser(await getDatabase(), { cognitoSub: identity.sub, email: identity.email });
  const exp = JSON.parse(Buffer.from(idToken.split('.')[1] ?? '', 'base64url').toString())
    .exp as number;
  const https = (await headers()).get('x-forwarded-proto') === 'https';
  (await cookies()).set(SESSION_COOKIE, idToken, {
    httpOnly: true,
    sameSite: 'lax',
    secure: https,
    path: '/',
    maxAge: Math.max(0, exp - Math.floor(Date.now() / 1000)),
  });
  return { ok: true, email: identity.email };
}

export async function endSession(): Promise<void> {
  (await cookies()).delete(SESSION_COOKIE);
}

/** cognito-local has no mail: the store confirms new accounts itself. Real pools send a code. */
export async function confirmSignUp(email: string): Promise<{ ok: boolean; error?: string }> {
  const settings = await cognitoSettings();
  if (!settings.endpoint) return { ok: false, error: 'Enter the code we sent to your email.' };
  try {
    await confirmLocalSignUp(settings, String(email).slice(0, 200));
    return { ok: true };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}
