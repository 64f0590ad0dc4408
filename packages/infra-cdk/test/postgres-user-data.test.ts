import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { postgresScript } from '../lib/postgres-user-data.js';

// The bootstrap SQL of the hosts' user data, run against the machine's real
// PostgreSQL (127.0.0.1:5432, as in the workspace's toolchain notes).
const suffix = `${process.pid}_${Date.now()}`;
const names = { user: `ct_probe_${suffix}`, database: `ct_probe_db_${suffix}` };
const psql = (args: string[], input = '', env: Record<string, string> = {}) =>
  spawnSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-v', 'ON_ERROR_STOP=1', ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
const serverUp = psql(['-tAc', 'select 1']).stdout?.trim() === '1';

/** The lines between `<<'SQL'` and `SQL`: what the host pipes into psql. */
function bootstrapSql(): string {
  const lines = postgresScript({
    ...names,
    secretArn: 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:x',
    region: 'eu-west-1',
    clientCidrs: ['10.0.128.0/20'],
  });
  const start = lines.findIndex((l) => l.endsWith("<<'SQL'"));
  return `${lines.slice(start + 1, lines.indexOf('SQL', start)).join('\n')}\n`;
}

afterAll(() => {
  if (serverUp)
    psql([
      '-c',
      `drop database if exists ${names.database}`,
      '-c',
      `drop role if exists ${names.user}`,
    ]);
});

describe.skipIf(!serverUp)('postgres bootstrap SQL', () => {
  it('creates the login and its database, and a second boot changes nothing but the password', () => {
    for (const password of ['first-Pass1', 'second-Pass2']) {
      const run = psql(['-q'], bootstrapSql(), { DB_PASSWORD: password });
      expect(run.status, run.stderr).toBe(0);
    }
    const owner = psql([
      '-tAc',
      `select pg_get_userbyid(datdba) from pg_database where datname = '${names.database}'`,
    ]);
    expect(owner.stdout.trim()).toBe(names.user);
    const login = psql([
      '-tAc',
      `select rolcanlogin, rolpassword is not null from pg_authid where rolname = '${names.user}'`,
    ]);
    expect(login.stdout.trim()).toBe('t|t');
  });
});
