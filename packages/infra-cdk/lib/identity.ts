import { RemovalPolicy } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { acknowledge } from './acknowledge.js';

/**
 * The store's shoppers: a Cognito user pool signing in by email and a public
 * app client (no secret: it runs in the browser) allowing SRP and, for the
 * local Cognito emulator and simple server-side flows, USER_PASSWORD_AUTH.
 */
export class Identity extends Construct {
  readonly userPool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.userPool = new cognito.UserPool(this, 'Shoppers', {
      userPoolName: 'clickstream-shoppers',
      selfSignUpEnabled: true,
      signInAliases: { email: true },
      autoVerify: { email: true },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      mfa: cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 8,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
      },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.client = this.userPool.addClient('Store', {
      userPoolClientName: 'clicktrail-store',
      generateSecret: false,
      authFlows: { userSrp: true, userPassword: true },
      preventUserExistenceErrors: true,
    });
    acknowledge(
      this.userPool,
      ['AwsSolutions-COG2'],
      'Shoppers of a web store are not forced into MFA (it costs sign-ups); TOTP MFA is offered as optional.',
    );
    acknowledge(
      this.userPool,
      ['AwsSolutions-COG3', 'AwsSolutions-COG8'],
      'Threat protection needs the Cognito Plus plan (priced per active user); an operator can enable it without code changes. The pool holds shopper logins only.',
    );
  }
}
