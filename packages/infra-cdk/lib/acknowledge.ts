import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * Acknowledges cdk-nag findings on a construct and its children, all for one
 * reason. cdk-nag 3 takes one finding id per call (`Rule[Finding]` for rules
 * with several findings), so this keeps each reason written once.
 */
export function acknowledge(scope: IConstruct, ids: string[], reason: string): void {
  for (const id of ids) Validations.of(scope).acknowledge({ id, reason });
}
