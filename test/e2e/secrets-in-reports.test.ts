import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT, runHarness } from '../helpers/run-harness';
import { findSecrets } from '../helpers/secrets';
import {
  SHARED_PASSWORD as PASSWORD,
  deploymentSettings,
  sharedFullRun,
  type SharedRun,
} from '../helpers/shared-run';
import { startStandaloneSut, type StandaloneSut } from '../../sut/standalone';
import { tempDir } from '../helpers/temp';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The password in every form a report could hold it in, and the service's tokens by shape. */
const LEAKS: readonly RegExp[] = [
  PASSWORD,
  JSON.stringify(PASSWORD).slice(1, -1),
  JSON.stringify(JSON.stringify(PASSWORD).slice(1, -1)).slice(1, -1),
  encodeURIComponent(PASSWORD),
  PASSWORD.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;'),
  Buffer.from(`demo:${PASSWORD}`).toString('base64'),
]
  .map((form) => new RegExp(escapeRegExp(form)))
  .concat([/\bcid_[A-Za-z0-9_-]{20,}/, /\bpw-[A-Za-z0-9_-]{16}\b/]);

/** Tokens, cookies and local paths a report must not hold, whatever the run's secrets are. */
const SHAPES: readonly RegExp[] = [
  /Bearer (?!\[REDACTED\])[A-Za-z0-9_-]{8,}/,
  /"(?:cookie|set-cookie)": "(?!\[REDACTED\])/i,
  new RegExp(`${escapeRegExp(ROOT)}/`),
  new RegExp(`${escapeRegExp(os.homedir())}/`),
];

interface ResultsFile {
  scenarios: {
    uri: string;
    name: string;
    selected: boolean;
    status: string;
    error?: string;
    exchanges: { source: string }[];
  }[];
}

const readResults = (dir: string): ResultsFile =>
  JSON.parse(fs.readFileSync(path.join(dir, 'results.json'), 'utf8')) as ResultsFile;

/**
 * The shared whole run is a pipeline's: `npm run sut` on its own, a provisioned account whose password
 * is JSON-, URL- and HTML-special, two workers, TRACE=on, the web app under another host name. Do the
 * features pass there (nothing reset between scenarios), and does it leak no secret? A second, small
 * run on a deployment with the same password fails on purpose with checks that quote secrets.
 */
describe('a full run against a standalone deployment, with failures that quote secrets, the web app under another host name and TRACE=on', () => {
  const reportsDir = tempDir('sbe-secrets-');
  let sut: StandaloneSut;
  let shared: SharedRun;
  let output = '';

  before(async () => {
    sut = await startStandaloneSut({ SUT_DEMO_PASSWORD: PASSWORD });
    const env = deploymentSettings(sut, reportsDir);
    const [run, whole] = await Promise.all([
      runHarness('spec', [path.join(ROOT, 'test/fixtures/secrets/failures-quoting-secrets.feature')], env),
      sharedFullRun(),
    ]);
    output = run.output;
    shared = whole;
    assert.equal(run.code, 1, run.output);
    const report = await runHarness('report', [], env);
    assert.equal(report.code, 0, report.output);
  });

  after(() => sut?.stop());

  it('passes every scenario of the features over the network, isolating themselves without resets', () => {
    assert.equal(shared.code, 0, shared.output);
    const ran = readResults(shared.reportsDir).scenarios.filter((scenario) => scenario.selected);
    assert.ok(ran.length > 100, `${ran.length} scenarios of the features ran`);
    assert.deepEqual(
      ran.filter((scenario) => scenario.status !== 'PASSED').map((scenario) => scenario.name),
      [],
    );
    assert.equal(shared.report.code, 0, shared.report.output);
  });

  it('passes again on the same, now dirty, deployment: nothing depends on a clean state', () => {
    assert.equal(shared.again.code, 0, shared.again.output);
  });

  it('fails the checks written to quote secrets, as they are written to', () => {
    // Three checks that expect a secret, and a sign-in that expects to be refused.
    assert.deepEqual(
      readResults(reportsDir)
        .scenarios.filter((scenario) => scenario.status === 'FAILED')
        .map((scenario) => scenario.name)
        .sort(),
      [
        'A check expects a remembered token',
        'A check expects the password',
        'A check whose actual value is the token',
        'A provisioned account with a password of JSON-special characters signs in',
      ],
    );
  });

  it('leaves no secret in any report, trace zips and the Allure report included', async () => {
    for (const dir of [reportsDir, shared.reportsDir]) {
      const leaks = await findSecrets(dir, [...LEAKS, ...SHAPES]);
      assert.deepEqual(
        leaks.map((leak) => leak.where),
        [],
      );
    }
    for (const pattern of LEAKS) {
      assert.doesNotMatch(output, pattern);
      assert.doesNotMatch(shared.output, pattern);
    }
  });

  it('keeps the failure messages, naming each secret as the feature knows it', () => {
    const error = (name: string): string =>
      readResults(reportsDir)
        .scenarios.find((scenario) => scenario.name === name)
        ?.error?.split('\n')[0] ?? '';
    assert.match(
      error('A check expects a remembered token'),
      /expected the remembered "tok" \[secret\], actual "Bearer"/,
    );
    assert.match(
      error('A check expects the password'),
      /expected \{\{\$password\}\} \[secret\], actual "Bearer"/,
    );
    assert.match(
      error('A check whose actual value is the token'),
      /expected Bearer, actual the remembered "tok" \[secret\]/,
    );
  });

  it('records and checks the browser calls made to 127.0.0.1 from a page on localhost', () => {
    for (const dir of [reportsDir, shared.reportsDir]) {
      const browser = readResults(dir)
        .scenarios.flatMap((scenario) => scenario.exchanges)
        .filter((each) => each.source === 'browser');
      assert.ok(browser.length > 0, `no browser exchange recorded in ${dir}`);
    }
  });

  it('has the gate scan the reports and find nothing', () => {
    for (const dir of [reportsDir, shared.reportsDir]) {
      const gate = JSON.parse(fs.readFileSync(path.join(dir, 'gate.json'), 'utf8')) as {
        rules: { id: string; passed: boolean; details: string[] }[];
      };
      const rule = gate.rules.find((each) => each.id === 'no-secrets-in-reports');
      assert.ok(rule, `the gate has no no-secrets-in-reports rule in ${dir}`);
      assert.equal(rule.passed, true, rule.details.join('\n'));
    }
  });
});
