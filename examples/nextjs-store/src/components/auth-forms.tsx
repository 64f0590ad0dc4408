'use client';
import { syncCognitoUser } from '@clicktrail/sdk/cognito';
import { useClickstream } from '@clicktrail/sdk/react';
import { CognitoUser } from 'amazon-cognito-identity-js';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState, useTransition } from 'react';
import { type PublicCognito, signIn, signOut, signUp, userPool } from '@/auth/cognito-client';
import { confirmSignUp, endSession, startSession } from '../../app/actions/auth';

const errorText = (error: unknown) =>
  error instanceof Error ? error.message : 'Something went wrong.';
const field = (form: HTMLFormElement, name: string) =>
  String(new FormData(form).get(name) ?? '').trim();

/** Signs in with Cognito, hands the ID token to the server, and records `login`. */
function useSignIn(cognito: PublicCognito, next: string) {
  const clickstream = useClickstream();
  const router = useRouter();
  return async (email: string, password: string) => {
    const pool = userPool(cognito);
    const session = await signIn(pool, email, password);
    const started = await startSession(session.getIdToken().getJwtToken());
    if (!started.ok) throw new Error(started.error);
    await syncCognitoUser(clickstream, pool);
    clickstream.record('login', { attributes: { method: 'password' } });
    router.push(next);
    router.refresh();
  };
}

export function LoginForm({ cognito, next }: { cognito: PublicCognito; next: string }) {
  const signInAndGo = useSignIn(cognito, next);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    startTransition(async () => {
      try {
        await signInAndGo(field(form, 'email'), field(form, 'password'));
      } catch (e) {
        setError(errorText(e));
      }
    });
  }
  return (
    <form className="auth" onSubmit={submit}>
      <label>
        Email <input name="email" type="email" autoComplete="username" required />
      </label>
      <label>
        Password <input name="password" type="password" autoComplete="current-password" required />
      </label>
      <button type="submit" className="primary" disabled={pending}>
        Log in
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <p>
        New here? <Link href={`/signup?next=${encodeURIComponent(next)}`}>Create an account</Link>
      </p>
    </form>
  );
}

export function SignUpForm({ cognito, next }: { cognito: PublicCognito; next: string }) {
  const clickstream = useClickstream();
  const signInAndGo = useSignIn(cognito, next);
  const [error, setError] = useState<string | null>(null);
  const [awaitingCode, setAwaitingCode] = useState<{ email: string; password: string } | null>(
    null,
  );
  const [pending, startTransition] = useTransition();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    startTransition(async () => {
      try {
        if (awaitingCode) {
          await confirmWithCode(cognito, awaitingCode.email, field(form, 'code'));
          clickstream.record('sign_up', { attributes: { method: 'password' } });
          return await signInAndGo(awaitingCode.email, awaitingCode.password);
        }
        const email = field(form, 'email');
        const password = field(form, 'password');
        await signUp(userPool(cognito), email, password);
        const confirmed = await confirmSignUp(email);
        if (!confirmed.ok) return setAwaitingCode({ email, password });
        clickstream.record('sign_up', { attributes: { method: 'password' } });
        await signInAndGo(email, password);
      } catch (e) {
        setError(errorText(e));
      }
    });
  }

  return (
    <form className="auth" onSubmit={submit}>
      {awaitingCode ? (
        <label>
          Code from your email <input name="code" inputMode="numeric" required />
        </label>
      ) : (
        <>
          <label>
            Email <input name="email" type="email" autoComplete="username" required />
          </label>
          <label>
            Password{' '}
            <input
              name="password"
              type="password"
              autoComplete="new-password"
              required
              minLength={8}
            />
          </label>
          <p className="hint">
            At least 8 characters with upper and lower case, a number and a symbol.
          </p>
        </>
      )}
      <button type="submit" className="primary" disabled={pending}>
        Sign up
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}

function confirmWithCode(cognito: PublicCognito, email: string, code: string): Promise<void> {
  const user = new CognitoUser({ Username: email, Pool: userPool(cognito) });
  return new Promise((resolve, reject) =>
    user.confirmRegistration(code, true, (error) => (error ? reject(error) : resolve())),
  );
}

export function LogoutButton({ cognito }: { cognito: PublicCognito | null }) {
  const clickstream = useClickstream();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      className="link"
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          await endSession();
          if (cognito) signOut(userPool(cognito));
          clickstream.clearUser();
          router.push('/');
          router.refresh();
        })
      }
    >
      Log out
    </button>
  );
}
