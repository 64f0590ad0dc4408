import { Aws } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as secrets from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { acknowledge } from './acknowledge.js';
import { postgresScript } from './postgres-user-data.js';

export interface PostgresHostProps {
  vpc: ec2.IVpc;
  subnets: ec2.SubnetSelection;
  securityGroup: ec2.ISecurityGroup;
  instanceType: string;
  publicIp: boolean;
  database: string;
  user: string;
  clientCidrs: string[];
  /** Shell lines run after PostgreSQL is up (DB_PASSWORD is set). */
  extraUserData?: (secret: secrets.ISecret) => string[];
}

/**
 * An Amazon Linux 2023 host running one PostgreSQL database, managed through
 * Session Manager (no SSH key, no bastion), with its login password
 * generated in Secrets Manager and read at boot.
 */
export class PostgresHost extends Construct {
  readonly instance: ec2.Instance;
  readonly secret: secrets.Secret;

  constructor(scope: Construct, id: string, props: PostgresHostProps) {
    super(scope, id);
    this.secret = new secrets.Secret(this, 'Password', {
      description: `Login of PostgreSQL ${props.database}`,
      generateSecretString: {
        secretStringTemplate: JSON.stringify({ username: props.user, dbname: props.database }),
        generateStringKey: 'password',
        excludePunctuation: true,
        passwordLength: 32,
      },
    });
    acknowledge(
      this.secret,
      ['AwsSolutions-SMG4'],
      'Self-managed PostgreSQL on EC2: rotation would need a rotation function inside the private subnet with DB superuser access; the password is generated, never in the template, and changed by updating the secret and re-running the boot script.',
    );

    const userData = ec2.UserData.forLinux();
    userData.addCommands(
      ...postgresScript({
        database: props.database,
        user: props.user,
        secretArn: this.secret.secretArn,
        region: Aws.REGION,
        clientCidrs: props.clientCidrs,
      }),
      ...(props.extraUserData?.(this.secret) ?? []),
    );

    this.instance = new ec2.Instance(this, 'Instance', {
      vpc: props.vpc,
      vpcSubnets: props.subnets,
      securityGroup: props.securityGroup,
      associatePublicIpAddress: props.publicIp,
      instanceType: new ec2.InstanceType(props.instanceType),
      machineImage: ec2.MachineImage.latestAmazonLinux2023(),
      userData,
      ssmSessionPermissions: true,
      requireImdsv2: true,
      detailedMonitoring: true,
      // A database host: deleting it by mistake loses data; `cdk destroy` needs it switched off.
      disableApiTermination: true,
      blockDevices: [
        {
          deviceName: '/dev/xvda',
          volume: ec2.BlockDeviceVolume.ebs(30, {
            encrypted: true,
            volumeType: ec2.EbsDeviceVolumeType.GP3,
          }),
        },
      ],
      userDataCausesReplacement: false,
    });
    this.secret.grantRead(this.instance.role);
    acknowledge(
      this.instance.role,
      [
        'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/AmazonSSMManagedInstanceCore]',
      ],
      'AmazonSSMManagedInstanceCore is the AWS-maintained minimum for Session Manager, which replaces SSH keys and bastions on this host.',
    );
  }
}
