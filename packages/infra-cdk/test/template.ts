import { Match, Template } from 'aws-cdk-lib/assertions';
import { type BuildOptions, buildApp } from './build-app.js';

/** Synthesizes the stack (bundling skipped) into an assertions Template. */
export function synthTemplate(options: BuildOptions = {}): Template {
  return Template.fromStack(buildApp(options).stack);
}

/** The logical id of the one resource of `type` whose properties match. */
export function logicalId(template: Template, type: string, props: object): string {
  const found = Object.keys(template.findResources(type, { Properties: Match.objectLike(props) }));
  if (found.length !== 1) {
    throw new Error(`expected one ${type} matching ${JSON.stringify(props)}, got ${found.length}`);
  }
  return found[0]!;
}

/** All resources of a type, as plain property objects. */
export function propertiesOf(template: Template, type: string): Record<string, unknown>[] {
  return Object.values(template.findResources(type)).map(
    (r) => (r as { Properties: Record<string, unknown> }).Properties,
  );
}

export const getAtt = (id: string, attr: string) => ({ 'Fn::GetAtt': [id, attr] });
export const ref = (id: string) => ({ Ref: id });
