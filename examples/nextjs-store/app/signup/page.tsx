import type { Metadata } from 'next';
import { cognitoSettings } from '@/auth/session';
import { SignUpForm } from '@/components/auth-forms';
import type { SearchParams } from '@/ui/catalog-params';
import { nextPath } from '@/ui/next-param';

export const metadata: Metadata = { title: 'Sign up' };

export default async function SignUpPage({ searchParams }: { searchParams: SearchParams }) {
  const next = nextPath((await searchParams).next);
  const { userPoolId, clientId, endpoint } = await cognitoSettings();
  return (
    <>
      <h1>Create an account</h1>
      <SignUpForm cognito={{ userPoolId, clientId, endpoint }} next={next} />
    </>
  );
}
