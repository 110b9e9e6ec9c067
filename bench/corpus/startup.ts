import path from 'node:path';
import { moduleFile, writeFolder } from './files';

export interface StartupCorpus {
  /** One scenario the harness runs with its own steps. */
  readonly harnessFeature: string;
  /** One scenario with one plain JS step, and that step, for bare cucumber-js. */
  readonly bareDir: string;
  readonly bareFeature: string;
  readonly bareSteps: string;
  /** The hand-rolled project: the harness's scenario, a TypeScript step file, an express app. */
  readonly handRolledDir: string;
  readonly handRolledFeature: string;
  readonly handRolledSteps: string;
}

/** The harness's start-up scenario, which the hand-rolled project runs too. */
const HEALTH_FEATURE = [
  '@contract @api',
  'Feature: Start-up',
  '  Scenario: The health check answers',
  '    When I call "getHealth"',
  '    Then the response status is 200',
  '',
].join('\n');

/**
 * What a team writes for the same check without the harness: a tiny express app and a TypeScript
 * step file calling it through supertest, run by cucumber-js under ts-node (transpile-only).
 */
function handRolledFiles(corpus: StartupCorpus): Record<string, string> {
  return {
    [corpus.handRolledFeature]: HEALTH_FEATURE,
    [path.join(corpus.handRolledDir, 'tsconfig.json')]: JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2022',
          module: 'commonjs',
          strict: true,
          esModuleInterop: true,
          skipLibCheck: true,
        },
      },
      null,
      2,
    ),
    [path.join(corpus.handRolledDir, 'app.ts')]: [
      `import express from ${moduleFile('express')};`,
      '',
      'export const app = express();',
      "app.get('/health', (_request, response) => {",
      "  response.json({ status: 'ok' });",
      '});',
      '',
    ].join('\n'),
    [corpus.handRolledSteps]: [
      "import assert from 'node:assert/strict';",
      `import { Then, When } from ${moduleFile('@cucumber/cucumber')};`,
      `import request from ${moduleFile('supertest')};`,
      "import { app } from '../app';",
      '',
      'interface Called {',
      '  response: { status: number };',
      '}',
      '',
      "When('I call {string}', async function (this: Called, operationId: string) {",
      "  assert.equal(operationId, 'getHealth');",
      "  this.response = await request(app).get('/health');",
      '});',
      "Then('the response status is {int}', function (this: Called, status: number) {",
      '  assert.equal(this.response.status, status);',
      '});',
      '',
    ].join('\n'),
  };
}

export function writeStartupCorpus(dir: string): StartupCorpus {
  const bareDir = path.join(dir, 'bare');
  const handRolledDir = path.join(dir, 'hand-rolled');
  const corpus: StartupCorpus = {
    harnessFeature: path.join(dir, 'harness/one.feature'),
    bareDir,
    bareFeature: path.join(bareDir, 'one.feature'),
    bareSteps: path.join(bareDir, 'steps.js'),
    handRolledDir,
    handRolledFeature: path.join(handRolledDir, 'features/health.feature'),
    handRolledSteps: path.join(handRolledDir, 'steps/health.steps.ts'),
  };
  writeFolder(dir, {
    [corpus.harnessFeature]: HEALTH_FEATURE,
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
    ...handRolledFiles(corpus),
  });
  return corpus;
}
