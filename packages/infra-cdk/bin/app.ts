import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ClicktrailStack } from '../lib/clicktrail-stack.js';
import { workspaceEntries } from '../lib/entries.js';
import { loadConfig } from '../lib/load-config.js';

const app = new App();
const config = loadConfig(app.node.tryGetContext('clicktrail'));
new ClicktrailStack(app, config.stackName, { config, entries: workspaceEntries });
// AWS's rule pack runs on every synth; an unacknowledged finding fails it.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
