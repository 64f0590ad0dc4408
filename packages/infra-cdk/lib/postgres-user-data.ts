export interface PostgresScriptProps {
  database: string;
  user: string;
  /** ARN of the secret whose JSON holds `password`. */
  secretArn: string;
  region: string;
  /** Networks whose clients may log in with a password (the SG filters first). */
  clientCidrs: string[];
}

/**
 * First-boot shell lines for Amazon Linux 2023 that install PostgreSQL 16,
 * listen on 5432, and create the login and database with the password read
 * from Secrets Manager at boot, so it never appears in the template or in
 * the user data. Re-running is harmless: role and database are created only
 * when missing, the password is re-applied.
 */
export function postgresScript(p: PostgresScriptProps): string[] {
  const hba = p.clientCidrs.map(
    (cidr) => `echo 'host ${p.database} ${p.user} ${cidr} scram-sha-256' >> "$PGDATA/pg_hba.conf"`,
  );
  return [
    'set -euo pipefail',
    'dnf install -y postgresql16-server postgresql16 jq',
    'export PGDATA=/var/lib/pgsql/data',
    '[ -f "$PGDATA/PG_VERSION" ] || postgresql-setup --initdb',
    `sed -i "s/^#\\?listen_addresses.*/listen_addresses = '*'/" "$PGDATA/postgresql.conf"`,
    `grep -q '^password_encryption' "$PGDATA/postgresql.conf" || echo "password_encryption = 'scram-sha-256'" >> "$PGDATA/postgresql.conf"`,
    `grep -q ' ${p.database} ${p.user} ' "$PGDATA/pg_hba.conf" || {`,
    ...hba.map((line) => `  ${line}`),
    '}',
    'systemctl enable --now postgresql',
    'systemctl reload postgresql',
    `DB_PASSWORD=$(aws secretsmanager get-secret-value --region ${p.region} --secret-id '${p.secretArn}' --query SecretString --output text | jq -r .password)`,
    'export DB_PASSWORD',
    // \getenv keeps the password out of the process list; psql 15+ has it.
    `sudo --preserve-env=DB_PASSWORD -u postgres psql -v ON_ERROR_STOP=1 <<'SQL'`,
    '\\getenv pw DB_PASSWORD',
    `SELECT 'CREATE ROLE "${p.user}" LOGIN' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${p.user}')\\gexec`,
    `ALTER ROLE "${p.user}" PASSWORD :'pw';`,
    `SELECT 'CREATE DATABASE "${p.database}" OWNER "${p.user}"' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '${p.database}')\\gexec`,
    'SQL',
  ];
}
