import { Aws } from 'aws-cdk-lib';
import * as glue from 'aws-cdk-lib/aws-glue';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/** Columns of one raw line (`RawEvent` in @clicktrail/sdk/schema), in Hive types. */
export const rawEventColumns: Array<[string, string]> = [
  ['event_id', 'string'],
  ['event_name', 'string'],
  ['event_timestamp', 'bigint'],
  ['app_id', 'string'],
  ['client_id', 'string'],
  ['session_id', 'string'],
  ['session_number', 'int'],
  ['is_first_visit', 'boolean'],
  ['user_id', 'string'],
  ['user_login_state', 'string'],
  ['identity_source', 'string'],
  ['page_url', 'string'],
  ['page_referrer', 'string'],
  ['page_title', 'string'],
  [
    'product',
    'struct<id:string,name:string,category:string,brand:string,price:double,discount_price:double,url_path:string>',
  ],
  ['attributes', 'map<string,string>'],
  ['sdk_version', 'string'],
  ['raw_version', 'int'],
  ['received_at', 'bigint'],
  ['request_id', 'string'],
  ['sent_at', 'bigint'],
  ['clock_skew_ms', 'bigint'],
  ['device_timestamp', 'bigint'],
  ['client_ip', 'string'],
  ['user_agent', 'string'],
];

/**
 * A Glue database and table over the raw NDJSON (gzip is read transparently)
 * so Athena can query every event ever received, without a crawler: the
 * `dt` partition (`YYYY/MM/DD`) is projected from the key layout, so new
 * days are queryable the moment ingest writes them.
 */
export class RawCatalog extends Construct {
  readonly database: glue.CfnDatabase;
  readonly table: glue.CfnTable;
  static readonly databaseName = 'clickstream_raw';
  static readonly tableName = 'raw_events';

  constructor(scope: Construct, id: string, props: { rawBucket: s3.IBucket }) {
    super(scope, id);
    const location = `s3://${props.rawBucket.bucketName}/events/`;
    this.database = new glue.CfnDatabase(this, 'Database', {
      catalogId: Aws.ACCOUNT_ID,
      databaseInput: {
        name: RawCatalog.databaseName,
        description: 'Clicktrail raw clickstream (events/ of the raw bucket)',
      },
    });
    this.table = new glue.CfnTable(this, 'Table', {
      catalogId: Aws.ACCOUNT_ID,
      databaseName: RawCatalog.databaseName,
      tableInput: {
        name: RawCatalog.tableName,
        description: 'One row per accepted event; dt is the UTC receive day',
        tableType: 'EXTERNAL_TABLE',
        partitionKeys: [{ name: 'dt', type: 'string' }],
        parameters: {
          classification: 'json',
          'projection.enabled': 'true',
          'projection.dt.type': 'date',
          'projection.dt.format': 'yyyy/MM/dd',
          'projection.dt.range': '2024/01/01,NOW',
          'projection.dt.interval': '1',
          'projection.dt.interval.unit': 'DAYS',
          'storage.location.template': `${location}\${dt}/`,
        },
        storageDescriptor: {
          location,
          columns: rawEventColumns.map(([name, type]) => ({ name, type })),
          inputFormat: 'org.apache.hadoop.mapred.TextInputFormat',
          outputFormat: 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat',
          serdeInfo: {
            serializationLibrary: 'org.openx.data.jsonserde.JsonSerDe',
            // A malformed line becomes nulls instead of failing the whole query.
            parameters: { 'ignore.malformed.json': 'true' },
          },
        },
      },
    });
    this.table.node.addDependency(this.database);
  }
}
