import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { getAtt, logicalId, ref, synthTemplate } from './template.js';

const template = synthTemplate({ config: { corsOrigins: ['https://shop.example.com'] } });
const raw = logicalId(template, 'AWS::S3::Bucket', { BucketName: 'clickstream-s3-ingest' });
const fn = logicalId(template, 'AWS::Lambda::Function', {
  FunctionName: 'clickstream-lambda-ingest',
});
const fnProps = template.toJSON().Resources[fn].Properties;
const roleId = fnProps.Role['Fn::GetAtt'][0] as string;
const objects = (prefix: string) => ({ 'Fn::Join': ['', [getAtt(raw, 'Arn'), prefix]] });

describe('ingest', () => {
  it('runs clickstream-lambda-ingest outside the VPC with the raw bucket in its env', () => {
    expect(fnProps.VpcConfig).toBeUndefined();
    expect(fnProps.Runtime).toBe('nodejs22.x');
    expect(fnProps.Environment.Variables).toMatchObject({
      RAW_BUCKET: ref(raw),
      ALLOWED_ORIGINS: 'https://shop.example.com',
    });
  });

  it('logs to its own log group, kept 30 days, with source-mapped stack traces', () => {
    template.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: '/aws/lambda/clickstream-lambda-ingest',
      RetentionInDays: 30,
    });
    expect(fnProps.Architectures).toEqual(['arm64']);
    expect(fnProps.Handler).toBe('index.handler');
    expect(fnProps.Environment.Variables.NODE_OPTIONS).toBe('--enable-source-maps');
  });

  it('lets the function only put objects under events/ and rejected/, and write its logs', () => {
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [ref(roleId)],
      PolicyDocument: {
        Statement: [
          {
            Effect: 'Allow',
            Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
            Resource: getAtt(fnProps.LoggingConfig.LogGroup.Ref, 'Arn'),
          },
          {
            Effect: 'Allow',
            Action: 's3:PutObject',
            Resource: [objects('/events/*'), objects('/rejected/*')],
          },
        ],
      },
    });
    const role = template.toJSON().Resources[roleId].Properties;
    expect(role.ManagedPolicyArns).toBeUndefined();
    expect(role.Policies).toBeUndefined();
  });

  it('serves POST /clickstream on clickstream-http-api with CORS from the configured origins', () => {
    const api = logicalId(template, 'AWS::ApiGatewayV2::Api', { Name: 'clickstream-http-api' });
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      ProtocolType: 'HTTP',
      CorsConfiguration: {
        AllowOrigins: ['https://shop.example.com'],
        AllowMethods: ['POST', 'OPTIONS'],
        AllowHeaders: ['content-type'],
        ExposeHeaders: ['Retry-After'],
      },
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
      ApiId: ref(api),
      RouteKey: 'POST /clickstream',
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      ApiId: ref(api),
      IntegrationType: 'AWS_PROXY',
      IntegrationUri: getAtt(fn, 'Arn'),
      PayloadFormatVersion: '2.0',
    });
  });

  it('throttles the stage and keeps access logs', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 },
      AccessLogSettings: Match.objectLike({ DestinationArn: Match.anyValue() }),
    });
  });

  it('lets only this API invoke the function', () => {
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: getAtt(fn, 'Arn'),
      Principal: 'apigateway.amazonaws.com',
      SourceArn: Match.objectLike({ 'Fn::Join': Match.anyValue() }),
    });
  });
});
