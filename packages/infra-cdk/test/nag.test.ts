import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RemovalPolicy } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { describe, expect, it } from 'vitest';
import { buildApp } from './build-app.js';
import { removeDir, tempDir } from './temp-dir.js';

interface Violation {
  ruleName: string;
  violatingConstructs: Array<{ constructPath: string }>;
}

/** Synthesizes with AwsSolutionsChecks; returns the violations cdk-nag reported. */
function nagViolations(extra?: (stack: ReturnType<typeof buildApp>['stack']) => void): string[] {
  const outdir = tempDir('nag');
  const { app, stack } = buildApp({ nag: true, outdir });
  extra?.(stack);
  try {
    app.synth();
    return [];
  } catch (error) {
    const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8'));
    const violations = report.pluginReports.flatMap((p: { violations: Violation[] }) =>
      p.violations.flatMap((v) =>
        v.violatingConstructs.map((c) => `${v.ruleName} on ${c.constructPath}`),
      ),
    );
    if (violations.length === 0) throw error;
    return violations;
  } finally {
    removeDir(outdir);
  }
}

describe('cdk-nag AwsSolutionsChecks', () => {
  it('finds nothing unacknowledged in the whole app', () => {
    expect(nagViolations()).toEqual([]);
  });

  it('fails synthesis on a new finding (the gate is live)', () => {
    const violations = nagViolations((stack) => {
      new s3.Bucket(stack, 'Careless', { removalPolicy: RemovalPolicy.DESTROY });
    });
    expect(violations.some((v) => /AwsSolutions-S1/.test(v) && /Careless/.test(v))).toBe(true);
  });
});
