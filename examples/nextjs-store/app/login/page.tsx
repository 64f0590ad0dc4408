import type { Metadata } from 'next';
import { cognitoSettings } from '@/auth/session';
import { LoginForm } from '@/components/auth-forms';
import type { SearchParams } from '@/ui/catalog-params';
import { nextPath } from '@/ui/next-param';

export const metadata: Metadata = { title: 'Log in' };

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const next = nextPath((await searchParams).next);
  const { userPoolId, clientId, endpoint } = await cognitoSettings();
  return (
    <>
      <h1>Log in</h1>
      <LoginForm cognito={{ userPoolId, clientId, endpoint }} next={next} />
    </>
  );
}
