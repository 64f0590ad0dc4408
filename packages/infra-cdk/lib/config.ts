/**
 * The one typed config of the app. Every setting has the reference design's
 * value as its default, so `cdk synth` with no context builds the reference.
 * Override through the `clicktrail` context key: an object in cdk.json, or a
 * JSON string on the command line (`-c clicktrail='{"azCount":2}'`).
 */
export interface ClicktrailConfig {
  /** CloudFormation stack name. */
  stackName: string;
  /** Availability zones: one public and one private /20 per zone. */
  azCount: number;
  /** Raw clickstream bucket (S3 names are global: change it if taken). */
  rawBucketName: string;
  /** Website assets and the dashboard artifact. */
  assetsBucketName: string;
  /** Browser origins allowed to POST to the ingest API. */
  corsOrigins: string[];
  /** Steady-state requests per second and burst of the HTTP API stage. */
  throttleRate: number;
  throttleBurst: number;
  /** EventBridge schedule expression of the ETL. */
  etlSchedule: string;
  /** CIDRs of the store's servers and of admins, allowed to reach OLTP 5432. */
  oltpAppCidrs: string[];
  oltpAdminCidrs: string[];
  /** CIDRs allowed to SSH (22) into the OLTP host; empty keeps 22 closed. */
  oltpSshCidrs: string[];
  warehouseInstanceType: string;
  oltpInstanceType: string;
  /** PostgreSQL login the ETL and the dashboard use on `clickstream_dw`. */
  dwUser: string;
  /** PostgreSQL login the store uses on `clickstream_web`. */
  webUser: string;
  /** Key in the assets bucket of the dashboard tarball the warehouse runs. */
  dashboardArtifactKey: string;
  /** Raw objects move to Standard-IA, then Glacier Instant Retrieval. */
  rawInfrequentAccessDays: number;
  rawGlacierDays: number;
  /** Days of CloudWatch log retention for functions, API and flow logs. */
  logRetentionDays: number;
  /** Git repository of the store for Amplify; empty means manual deploys. */
  amplifyRepository: string;
  amplifyBranch: string;
  /** Secrets Manager name of the Git access token Amplify uses. */
  amplifyTokenSecretName: string;
}

export const defaultConfig: ClicktrailConfig = {
  stackName: 'Clicktrail',
  azCount: 1,
  rawBucketName: 'clickstream-s3-ingest',
  assetsBucketName: 'clickstream-s3-sbw',
  corsOrigins: ['http://localhost:3000'],
  throttleRate: 100,
  throttleBurst: 200,
  etlSchedule: 'rate(1 hour)',
  oltpAppCidrs: [],
  oltpAdminCidrs: [],
  oltpSshCidrs: [],
  warehouseInstanceType: 't3.small',
  oltpInstanceType: 't3.micro',
  dwUser: 'clicktrail',
  webUser: 'clicktrail',
  dashboardArtifactKey: 'dashboard/clicktrail-dashboard.tgz',
  rawInfrequentAccessDays: 30,
  rawGlacierDays: 90,
  logRetentionDays: 30,
  amplifyRepository: '',
  amplifyBranch: 'main',
  amplifyTokenSecretName: 'clicktrail/amplify-token',
};
