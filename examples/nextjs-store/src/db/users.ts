import type { Queryable } from './queryable';
import { TABLES } from './schema';

export interface StoreUser {
  id: number;
  cognitoSub: string;
  email: string;
}

/** The store's row for a verified Cognito user, created on first sight. */
export async function upsertUser(
  db: Queryable,
  identity: { cognitoSub: string; email: string },
): Promise<StoreUser> {
  const { rows } = await db.query<{ id: string; cognito_sub: string; email: string }>(
    `INSERT INTO ${TABLES.users} (cognito_sub, email) VALUES ($1, $2)
     ON CONFLICT (cognito_sub) DO UPDATE SET email = EXCLUDED.email, last_login_at = now()
     RETURNING id, cognito_sub, email`,
    [identity.cognitoSub, identity.email],
  );
  const row = rows[0] as { id: string; cognito_sub: string; email: string };
  return { id: Number(row.id), cognitoSub: row.cognito_sub, email: row.email };
}
