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
  const bareDir = path.join(dir, 'bare');
  const corpus: StartupCorpus = {
    harnessFeature: path.join(dir, 'harness/one.feature'),
    bareDir,
    bareFeature: path.join(bareDir, 'one.feature'),
    bareSteps: path.join(bareDir, 'steps.js'),
  };
  writeFolder(dir, {
    [corpus.harnessFeature]: [
      '@contract @api',
      'Feature: Start-up',
      '  Scenario: The health check answers',
      '    When I call "getHealth"',
      '    Then the response status is 200',
      '',
    ].join('\n'),
    [corpus.bareFeature]: [
      'Feature: Start-up',
      '  Scenario: One plain step',
      '    Given a plain step',
      '',
    ].join('\n'),
    [corpus.bareSteps]: [
      `const { Given } = require(${moduleFile('@cucumber/cucumber')});`,
      "Given('a plain step', function () {});",
      '',
    ].join('\n'),
  });
  return corpus;
}
