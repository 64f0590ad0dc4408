import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from '@clicktrail/warehouse/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArtifact, buildServer } from '../build.mjs';
import { type FixtureWarehouse, fixtureWarehouse } from '../src/test-support/fixture-warehouse.js';

interface Started {
  child: ChildProcess;
  url: string;
  stop(): Promise<number | null>;
}

/** Starts a server file with a clean environment plus `env`; resolves once it listens. */
function start(
  file: string,
  args: string[],
  env: Record<string, string>,
  cwd?: string,
): Promise<Started> {
  const child = spawn(process.execPath, [file, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+?)\/\s/.exec(output);
      if (match?.[1]) {
        resolve({
          child,
          url: match[1],
          stop: () =>
            new Promise((done) => {
              child.once('exit', (code) => done(code));
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
  });
}

function run(file: string, args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [file, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c));
  child.stderr.on('data', (c: Buffer) => (output += c));
  return new Promise<{ code: number | null; output: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, output })),
  );
}

let dir: string;
let cli: string;
let warehouse: FixtureWarehouse;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'clicktrail-dashboard-cli-'));
  // Inside the package, so the bundle finds PGlite in node_modules as the real CLI does.
  cli = await buildServer(
    join(import.meta.dirname, '..', 'node_modules', '.cache', `cli-${process.pid}.js`),
  );
  warehouse = await fixtureWarehouse();
});
afterAll(async () => {
  await warehouse?.close();
  await rm(dir, { recursive: true, force: true });
  await rm(cli, { force: true });
});

describe('clicktrail-dashboard', () => {
  it('prints its usage for --help', async () => {
    const { code, output } = await run(cli, ['--help'], {});
    expect(code).toBe(0);
    expect(output).toContain('--port 3838');
  });

  it('refuses to listen beyond loopback without DASHBOARD_PASSWORD', async () => {
    const { code, output } = await run(cli, ['--host', '0.0.0.0', '--port', '0'], {});
    expect(code).toBe(2);
    expect(output).toMatch(/DASHBOARD_PASSWORD/);
  });

  it('serves the warehouse named by DATABASE_URL and stops on SIGTERM', async () => {
    const server = await start(cli, ['--port', '0'], { DATABASE_URL: warehouse.db.url });
    try {
      const body = await (
        await fetch(`${server.url}/api/summary?from=2026-11-16&to=2026-11-22`)
      ).json();
      expect(body).toMatchObject({ users: 5, sessions: 6, revenue: 35 });
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it('shows the first-run page for an empty warehouse', async () => {
    const empty = await createTestDatabase();
    const server = await start(cli, ['--port', '0'], { DATABASE_URL: empty.url });
    try {
      const html = await (await fetch(`${server.url}/`)).text();
      expect(html).toContain('No events yet');
      expect(html).toContain('createClickstream');
    } finally {
      await server.stop();
      await empty.drop();
    }
  });
});

describe('the AWS artifact', () => {
  it('unpacks to a server.mjs that answers with nothing but Node', async () => {
    const tarball = await buildArtifact(join(dir, 'build'));
    const install = join(dir, 'install');
    await new Promise<void>((resolve, reject) => {
      const tar = spawn('mkdir', ['-p', install]);
      tar.once('exit', () => {
        const x = spawn('tar', ['-xzf', tarball, '-C', install]);
        x.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`tar ${code}`))));
      });
    });
    // Outside the repository: no node_modules to fall back on. DWH_* as the host's user data sets them.
    const url = new URL(warehouse.db.url);
    const server = await start(
      join(install, 'server.mjs'),
      ['--port', '0'],
      {
        DWH_HOST: url.hostname,
        DWH_PORT: url.port || '5432',
        DWH_USER: decodeURIComponent(url.username) || 'postgres',
        DWH_PASSWORD: decodeURIComponent(url.password),
        DWH_DATABASE: url.pathname.slice(1),
      },
      install,
    );
    try {
      const response = await fetch(
        `${server.url}/sbw_dashboard/api/funnel?from=2026-11-16&to=2026-11-22`,
      );
      expect(response.status).toBe(200);
      expect(((await response.json()) as { steps: unknown[] }).steps).toHaveLength(4);
      const page = await fetch(`${server.url}/sbw_dashboard/?from=2026-11-16&to=2026-11-22`);
      expect(await page.text()).toContain('Purchase funnel');
      const script = await fetch(`${server.url}/sbw_dashboard/assets/dashboard.js`);
      expect((await script.text()).length).toBeGreaterThan(500);
    } finally {
      await server.stop();
    }
  });
});
