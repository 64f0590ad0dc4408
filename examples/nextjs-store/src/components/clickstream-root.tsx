'use client';
import type { ClickstreamOptions } from '@clicktrail/sdk';
import { syncCognitoUser } from '@clicktrail/sdk/cognito';
import { ClickstreamProvider, useClickstream } from '@clicktrail/sdk/react';
import { type ReactNode, useEffect } from 'react';
import { type PublicCognito, userPool } from '@/auth/cognito-client';

/** Login state and identity source from the Cognito session amazon-cognito-identity-js keeps. */
function CognitoIdentity({ cognito }: { cognito: PublicCognito | null }) {
  const client = useClickstream();
  useEffect(() => {
    if (cognito) void syncCognitoUser(client, userPool(cognito));
  }, [client, cognito]);
  return null;
}

export function ClickstreamRoot(props: {
  options: ClickstreamOptions;
  cognito: PublicCognito | null;
  children: ReactNode;
}) {
  return (
    <ClickstreamProvider options={props.options}>
      <CognitoIdentity cognito={props.cognito} />
      {props.children}
    </ClickstreamProvider>
  );
}
