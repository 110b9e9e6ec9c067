import fs from 'node:fs';
import path from 'node:path';
import { cycledFeatures, moduleFile, writeFolder, type Shape } from './files';

/**
 * Four kinds of API scenario, in turn, written with the harness's own steps (business steps and
 * the generic @contract ones): one lookup, a fresh number, a number two strangers reported (two
 * accounts, two tokens, two reports, a lookup), and a health check.
 */
export const API_SHAPES: readonly Shape[] = [
  (n) => [
    `  Scenario: ${n} a verified business is named`,
    '    When a caller looks up +886227208889',
    '    Then the caller is identified as the verified business "Acme Bank Customer Service"',
  ],
  (n) => [
    `  Scenario: ${n} a number nobody knows is unknown`,
    '    Given a number nobody has reported',
    '    When a caller looks up the number',
    '    Then the caller is unknown',
    '    And the spam level is none',
  ],
  (n) => [
    `  Scenario: ${n} two reports make a number suspicious`,
    '    Given a number that has been reported 2 times as telemarketing',
    '    When a caller looks up the number',
    '    Then the spam level is suspicious',
  ],
  (n) => [
    `  Scenario: ${n} the health check answers`,
    '    When I call "getHealth"',
    '    Then the response status is 200',
  ],
];

/**
 * The raw floor: the same HTTP calls with supertest in plain JS steps, asserting only what each
 * step says. No contract checks, no recording, no reporters.
 */
const FLOOR_STEPS = `const { Given, When, Then } = require(${moduleFile('@cucumber/cucumber')});
const request = require(${moduleFile('supertest')});
const assert = require('node:assert/strict');
const crypto = require('node:crypto');

const ORIGIN = process.env.BENCH_ORIGIN;
const API = '/api/v1';
const salt = String(crypto.randomInt(0, 1000000)).padStart(6, '0');
const nameSalt = crypto.randomBytes(4).toString('hex');
let counter = 0;
const fresh = () => '+8869' + salt + String(++counter % 100000).padStart(5, '0');
const json = { accept: 'application/json' };

async function lookUp(world, number) {
  world.response = await request(ORIGIN).get(API + '/numbers/' + encodeURIComponent(number)).set(json);
}

When(/^a caller looks up (\\+\\d+)$/, function (number) {
  return lookUp(this, number);
});
When('a caller looks up the number', function () {
  return lookUp(this, this.number);
});
Given('a number nobody has reported', function () {
  this.number = fresh();
});
Given(/^a number that has been reported (\\d+) times? as (\\w+)$/, async function (times, category) {
  this.number = fresh();
  for (let i = 1; i <= Number(times); i += 1) {
    const account = { username: 'reporter' + i + '-' + nameSalt + '-' + ++counter, password: 'pw-' + crypto.randomBytes(12).toString('base64url') };
    const user = await request(ORIGIN).post(API + '/users').set(json).send({ ...account, displayName: 'reporter' + i });
    assert.equal(user.status, 201);
    const token = await request(ORIGIN).post(API + '/auth/token').set(json).send(account);
    const report = await request(ORIGIN)
      .post(API + '/users/' + encodeURIComponent(account.username) + '/reports')
      .set({ ...json, authorization: 'Bearer ' + token.body.accessToken })
      .send({ number: this.number, category });
    assert.equal(report.status, 201);
  }
});
Then(/^the caller is identified as the verified business "([^"]*)"$/, function (name) {
  const body = this.response.body;
  assert.equal(body.kind, 'business');
  assert.equal(body.displayName, name);
  assert.equal(body.business.verified, true);
});
Then('the caller is unknown', function () {
  assert.equal(this.response.body.kind, 'unknown');
  assert.equal(this.response.body.displayName, null);
});
Then(/^the spam level is (\\w+)$/, function (level) {
  assert.equal(this.response.body.spamLevel, level);
});
When('I call {string}', async function (operationId) {
  assert.equal(operationId, 'getHealth');
  this.response = await request(ORIGIN).get(API + '/health').set(json);
});
Then('the response status is {int}', function (status) {
  assert.equal(this.response.status, status);
});
`;

export interface ApiCorpus {
  readonly count: number;
  /** The feature files: the harness and the floor run the same ones. */
  readonly featuresDir: string;
  /** The floor's folder (no cucumber config in it) and its step file. */
  readonly floorDir: string;
  readonly floorSteps: string;
  /** The hand-rolled Allure run's folder (the floor's steps, plus allure-cucumberjs) and its results folder. */
  readonly allureDir: string;
  readonly allureResultsDir: string;
}

export function writeApiCorpus(dir: string, count: number): ApiCorpus {
  const floorDir = path.join(dir, 'floor');
  const allureDir = path.join(dir, 'allure');
  const corpus: ApiCorpus = {
    count,
    featuresDir: path.join(dir, 'features'),
    floorDir,
    floorSteps: path.join(floorDir, 'steps.js'),
    allureDir,
    allureResultsDir: path.join(allureDir, 'allure-results'),
  };
  writeFolder(dir, {
    ...cycledFeatures(corpus.featuresDir, count, {
      tags: '@api',
      name: 'Benchmark API scenarios',
      perFile: 50,
      shapes: API_SHAPES,
    }),
    [corpus.floorSteps]: FLOOR_STEPS,
  });
  fs.mkdirSync(allureDir, { recursive: true });
  return corpus;
}
