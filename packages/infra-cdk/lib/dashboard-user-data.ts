export interface DashboardScriptProps {
  assetsBucket: string;
  artifactKey: string;
  region: string;
  database: string;
  user: string;
  port: number;
}

/**
 * First-boot shell lines (after postgresScript, which sets DB_PASSWORD) that
 * run the dashboard as a systemd service on 127.0.0.1:<port>: only an SSM
 * port forward reaches it. Each (re)start fetches the artifact from the
 * assets bucket through the S3 gateway endpoint, and a missing artifact is
 * retried every minute, so uploading it later is enough to bring it up.
 *
 * The artifact is a .tgz whose top level holds a self-contained `server.mjs`
 * (dependencies bundled) that reads the DWH_* variables and `--port`.
 */
export function dashboardScript(p: DashboardScriptProps): string[] {
  const env = [
    'DWH_HOST=127.0.0.1',
    'DWH_PORT=5432',
    `DWH_USER=${p.user}`,
    `DWH_DATABASE=${p.database}`,
    'HOST=127.0.0.1',
    `PORT=${p.port}`,
  ];
  return [
    'dnf install -y nodejs22 || dnf install -y nodejs20',
    'id clicktrail >/dev/null 2>&1 || useradd --system --home-dir /opt/clicktrail clicktrail',
    'install -d -m 0755 /opt/clicktrail/dashboard /etc/clicktrail',
    'umask 077',
    `printf '%s\\n' ${env.map((e) => `'${e}'`).join(' ')} "DWH_PASSWORD=$DB_PASSWORD" > /etc/clicktrail/dashboard.env`,
    'umask 022',
    "cat > /usr/local/bin/clicktrail-fetch-dashboard <<'SH'",
    '#!/bin/sh',
    'set -e',
    `aws s3 cp --region ${p.region} 's3://${p.assetsBucket}/${p.artifactKey}' /tmp/dashboard.tgz`,
    'rm -rf /opt/clicktrail/dashboard && mkdir -p /opt/clicktrail/dashboard',
    'tar -xzf /tmp/dashboard.tgz -C /opt/clicktrail/dashboard',
    'SH',
    'chmod 0755 /usr/local/bin/clicktrail-fetch-dashboard',
    "cat > /etc/systemd/system/clicktrail-dashboard.service <<'UNIT'",
    '[Unit]',
    'Description=Clicktrail dashboard (reached only through an SSM port forward)',
    'After=postgresql.service',
    '[Service]',
    'User=clicktrail',
    'EnvironmentFile=/etc/clicktrail/dashboard.env',
    'ExecStartPre=+/usr/local/bin/clicktrail-fetch-dashboard',
    `ExecStart=/bin/sh -c 'exec $$(command -v node-22 || command -v node-20 || command -v node) /opt/clicktrail/dashboard/server.mjs --port ${p.port}'`,
    'Restart=always',
    'RestartSec=60',
    '[Install]',
    'WantedBy=multi-user.target',
    'UNIT',
    'systemctl daemon-reload',
    'systemctl enable --now clicktrail-dashboard',
  ];
}
