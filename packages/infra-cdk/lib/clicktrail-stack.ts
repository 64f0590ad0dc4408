import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { Buckets } from './buckets.js';
import type { ClicktrailConfig } from './config.js';
import { DashboardArtifact } from './dashboard-artifact.js';
import type { LambdaEntries } from './entries.js';
import { Etl } from './etl.js';
import { Identity } from './identity.js';
import { Ingest } from './ingest.js';
import { Network } from './network.js';
import { Oltp } from './oltp.js';
import { RawCatalog } from './raw-catalog.js';
import { SecurityGroups } from './security-groups.js';
import { StoreHosting } from './store-hosting.js';
import { dashboardPort, Warehouse } from './warehouse.js';

export interface ClicktrailStackProps extends StackProps {
  config: ClicktrailConfig;
  entries: LambdaEntries;
}

/** The whole reference deployment; each piece is one construct in lib/. */
export class ClicktrailStack extends Stack {
  constructor(scope: Construct, id: string, props: ClicktrailStackProps) {
    super(scope, id, props);
    // Launch templates that requireImdsv2 creates get unique names, so two
    // hosts (or two deployments of this stack) in one account never collide.
    this.node.setContext('@aws-cdk/aws-ec2:uniqueImdsv2TemplateName', true);
    // S3 access logs delivered by bucket policy, so the log bucket needs no ACLs.
    this.node.setContext('@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy', true);
    const { config: c, entries } = props;
    const logRetention = c.logRetentionDays as logs.RetentionDays;

    const network = new Network(this, 'Network', { azCount: c.azCount, logRetention });
    const { vpc, privateSubnets } = network;
    const groups = new SecurityGroups(this, 'SecurityGroups', {
      vpc,
      endpointSecurityGroup: network.endpointSecurityGroup,
      oltpAppCidrs: c.oltpAppCidrs,
      oltpAdminCidrs: c.oltpAdminCidrs,
      oltpSshCidrs: c.oltpSshCidrs,
    });
    const buckets = new Buckets(this, 'Buckets', c);

    const ingest = new Ingest(this, 'Ingest', {
      entry: entries.ingest,
      rawBucket: buckets.raw,
      corsOrigins: c.corsOrigins,
      throttleRate: c.throttleRate,
      throttleBurst: c.throttleBurst,
      logRetention,
    });
    const warehouse = new Warehouse(this, 'Warehouse', {
      vpc,
      subnets: privateSubnets,
      securityGroup: groups.analytics,
      instanceType: c.warehouseInstanceType,
      user: c.dwUser,
      assetsBucket: buckets.assets,
      dashboardArtifactKey: c.dashboardArtifactKey,
    });
    new DashboardArtifact(this, 'DashboardArtifact', {
      assetsBucket: buckets.assets,
      artifactKey: c.dashboardArtifactKey,
    });
    // First boot installs packages from S3 and reads the secret: the endpoints
    // and the egress rules must exist before the host starts, or it boots half-done.
    warehouse.host.instance.node.addDependency(...network.endpoints, groups);
    const etl = new Etl(this, 'Etl', {
      entry: entries.etl,
      vpc,
      subnets: privateSubnets,
      securityGroup: groups.etl,
      rawBucket: buckets.raw,
      warehouseHost: warehouse.host.instance.instancePrivateIp,
      warehouseUser: c.dwUser,
      warehouseDatabase: Warehouse.database,
      warehouseSecret: warehouse.host.secret,
      schedule: c.etlSchedule,
      logRetention,
    });
    const oltp = new Oltp(this, 'Oltp', {
      vpc,
      securityGroup: groups.oltp,
      instanceType: c.oltpInstanceType,
      user: c.webUser,
    });
    const identity = new Identity(this, 'Identity');
    const store = new StoreHosting(this, 'Store', {
      ingestUrl: ingest.url,
      userPoolId: identity.userPool.userPoolId,
      userPoolClientId: identity.client.userPoolClientId,
      databaseHost: oltp.address.ref,
      databaseSecret: oltp.host.secret,
      repository: c.amplifyRepository,
      branch: c.amplifyBranch,
      tokenSecretName: c.amplifyTokenSecretName,
    });
    new RawCatalog(this, 'RawCatalog', { rawBucket: buckets.raw });

    const forward = JSON.stringify({
      portNumber: [String(dashboardPort)],
      localPortNumber: [String(dashboardPort)],
    });
    const outputs: Record<string, [string, string]> = {
      IngestUrl: [ingest.url, 'POST endpoint for the SDK (createClickstream({ endpoint }))'],
      RawBucketName: [buckets.raw.bucketName, 'Raw clickstream NDJSON'],
      AssetsBucketName: [buckets.assets.bucketName, 'Website assets and the dashboard artifact'],
      UserPoolId: [identity.userPool.userPoolId, 'Cognito user pool of the store'],
      UserPoolClientId: [identity.client.userPoolClientId, 'Cognito app client of the store'],
      StoreUrl: [store.url, 'Amplify Hosting URL of the store'],
      OltpAddress: [oltp.address.ref, 'Public IP of PostgreSQL clickstream_web'],
      OltpSecretArn: [oltp.host.secret.secretArn, 'Login of clickstream_web'],
      WarehouseInstanceId: [warehouse.instanceId, 'Private warehouse and dashboard host'],
      WarehouseSecretArn: [warehouse.host.secret.secretArn, 'Login of clickstream_dw'],
      EtlErrorsAlarmName: [etl.errorsAlarm.alarmName, 'Alarm on ETL failures'],
      EtlBacklogAlarmName: [etl.backlogAlarm.alarmName, 'Alarm on raw objects waiting over 2 h'],
      DashboardPortForward: [
        `aws ssm start-session --region ${this.region} --target ${warehouse.instanceId} --document-name AWS-StartPortForwardingSession --parameters '${forward}'`,
        `Then open http://localhost:${dashboardPort}/`,
      ],
      AthenaTable: [`${RawCatalog.databaseName}.${RawCatalog.tableName}`, 'Raw events in Athena'],
    };
    for (const [id, [value, description]] of Object.entries(outputs)) {
      new CfnOutput(this, id, { value, description });
    }
  }
}
