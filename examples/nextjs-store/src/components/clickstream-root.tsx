'use client';
import type { ClickstreamOptions } from '@clicktrail/sdk';
import { syncCognitoUser } from '@clicktrail/sdk/cognito';
import { ClickstreamProvider, useClickstream, usePageViews } from '@clicktrail/sdk/react';
import { usePathname, useSearchParams } from 'next/navigation';
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

/** One page_view per route; `router.refresh()` (after a cart change) records none. */
function PageViews() {
  const query = useSearchParams().toString();
  usePageViews(`${usePathname()}${query ? `?${query}` : ''}`);
  return null;
}

export function ClickstreamRoot(props: {
  options: ClickstreamOptions;
  cognito: PublicCognito | null;
  children: ReactNode;
}) {
  return (
    <ClickstreamProvider options={{ ...props.options, autoPageViews: false }}>
      <CognitoIdentity cognito={props.cognito} />
      {/* No Suspense boundary: every page is rendered per request, and a boundary would
          hydrate later than the page, so its page_view would follow the page's own events. */}
      <PageViews />
      {props.children}
    </ClickstreamProvider>
  );
}
