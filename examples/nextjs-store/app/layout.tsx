import { GeistSans } from 'geist/font/sans';
import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import type { PublicCognito } from '@/auth/cognito-client';
import { cognitoSettings, currentUser } from '@/auth/session';
import { cartCount } from '@/cart/cart-view';
import { LogoutButton } from '@/components/auth-forms';
import { ClickstreamRoot } from '@/components/clickstream-root';
import { clickstreamOptions } from '@/config/clickstream-options';
import { getDatabase } from '@/db/connection';
import { listCategories } from '@/db/products';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Clicktrail Store', template: '%s · Clicktrail Store' },
  description: 'The Clicktrail example shop',
};

/** The pool's public ids, or null while Cognito cannot be reached (the shop still sells). */
async function publicCognito(): Promise<PublicCognito | null> {
  try {
    const { userPoolId, clientId, endpoint } = await cognitoSettings();
    return { userPoolId, clientId, endpoint };
  } catch (error) {
    console.error('[store] Cognito unavailable:', (error as Error).message);
    return null;
  }
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Request data first: it makes the page dynamic before anything is fetched at build time.
  const [user, count] = await Promise.all([currentUser(), cartCount()]);
  const [categories, cognito] = await Promise.all([
    getDatabase().then(listCategories),
    publicCognito(),
  ]);
  return (
    <html lang="en" className={GeistSans.className}>
      <body>
        <ClickstreamRoot options={clickstreamOptions()} cognito={cognito}>
          <header>
            <Link href="/" className="logo">
              Clicktrail Store
            </Link>
            <form action="/search" className="search">
              <input
                name="q"
                type="search"
                placeholder="Search products"
                aria-label="Search products"
              />
              <button type="submit">Search</button>
            </form>
            <nav className="account">
              <Link href="/cart">Cart ({count})</Link>
              {user ? (
                <>
                  <Link href="/orders">Orders</Link>
                  <span className="who">{user.email}</span>
                  <LogoutButton cognito={cognito} />
                </>
              ) : (
                <>
                  <Link href="/login">Log in</Link>
                  <Link href="/signup">Sign up</Link>
                </>
              )}
            </nav>
          </header>
          <nav className="categories" aria-label="Categories">
            {categories.map((c) => (
              <Link key={c.slug} href={`/category/${c.slug}`}>
                {c.name}
              </Link>
            ))}
          </nav>
          <main>{children}</main>
          <footer>
            Clicktrail example store: every click here is recorded by @clicktrail/sdk.
          </footer>
        </ClickstreamRoot>
      </body>
    </html>
  );
}
