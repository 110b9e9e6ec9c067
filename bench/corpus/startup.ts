import path from 'node:path';
import { moduleFile, writeFolder } from './files';

export interface StartupCorpus {
  /** One scenario the harness runs with its own steps. */
  readonly harnessFeature: string;
  /** One scenario with one plain JS step, and that step, for bare cucumber-js. */
  readonly bareDir: string;
  readonly bareFeature: string;
  readonly bareSteps: string;
}

export function writeStartupCorpus(dir: string): StartupCorpus {
  writeFolder(dir, {
    'harness/one.feature': [
      '@contract @api',
      'Feature: Start-up',
      '  Scenario: The health check answers',
      '    When I call "getHealth"',
      '    Then the response status is 200',
      '',
    ].join('\n'),
    'bare/one.feature': [
      'Feature: Start-up',
      '  Scenario: One plain step',
      '    Given a plain step',
      '',
    ].join('\n'),
    'bare/steps.js': [
      `const { Given } = require(${moduleFile('@cucumber/cucumber')});`,
      "Given('a plain step', function () {});",
      '',
    ].join('\n'),
  });
  return {
    harnessFeature: path.join(dir, 'harness/one.feature'),
    bareDir: path.join(dir, 'bare'),
    bareFeature: path.join(dir, 'bare/one.feature'),
    bareSteps: path.join(dir, 'bare/steps.js'),
  };
}
