import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT, runHarness } from '../helpers/run-harness';
import { findSecrets } from '../helpers/secrets';
import { startStandaloneSut, type StandaloneSut } from '../../sut/standalone';
import { tempDir } from '../helpers/temp';

/** A password with every character JSON, URLs and HTML escape. */
const PASSWORD = 'Dm0"Pa\\ss<&+%Xq9';

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

/**
 * One whole run serves two questions, as a pipeline's run would: do the features pass against a
 * standalone deployment (`npm run sut` + `BASE_URL`, nothing reset between scenarios), and does a run
 * whose failures quote secrets — the web app under another host name, TRACE=on — leak none of them.
 */
describe('a full run against a standalone deployment, with failures that quote secrets, the web app under another host name and TRACE=on', () => {
  const reportsDir = tempDir('sbe-secrets-');
  let sut: StandaloneSut;
  let output = '';

  before(async () => {
    sut = await startStandaloneSut({ SUT_DEMO_PASSWORD: PASSWORD });
    const port = new URL(sut.origin).port;
    const env = {
      BASE_URL: `http://127.0.0.1:${port}`,
      UI_BASE_URL: `http://localhost:${port}`,
      ACCOUNT_ALICE: `demo:${PASSWORD}`,
      TRACE: 'on',
      REPORTS_DIR: reportsDir,
    };
    const run = await runHarness(
      'spec',
      ['features', path.join(ROOT, 'test/fixtures/secrets/failures-quoting-secrets.feature')],
      env,
      { timeoutMs: 240_000 },
    );
    output = run.output;
    assert.equal(run.code, 1, run.output);
    const report = await runHarness('report', [], env);
    assert.equal(report.code, 0, report.output);
  });

  after(() => sut?.stop());

  it('passes every scenario of the features over the network, isolating themselves without resets', () => {
    const results = JSON.parse(fs.readFileSync(path.join(reportsDir, 'results.json'), 'utf8')) as {
      scenarios: { uri: string; name: string; selected: boolean; status: string }[];
    };
    const ran = results.scenarios.filter((scenario) => scenario.selected);
    const features = ran.filter((scenario) => scenario.uri.startsWith('features/'));
    assert.ok(features.length > 100, `${features.length} scenarios of the features ran`);
    assert.deepEqual(
      features.filter((scenario) => scenario.status !== 'PASSED').map((scenario) => scenario.name),
      [],
    );
    // Only the fixture's scenarios fail, as they are written to: three checks that expect a secret,
    // and a sign-in that expects to be refused.
    assert.deepEqual(
      ran
        .filter((scenario) => scenario.status === 'FAILED')
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

  it('passes again on the same, now dirty, deployment: nothing depends on a clean state', async () => {
    const run = await runHarness('spec', ['--tags', '@api', '--format', 'summary', '--no-gate'], {
      BASE_URL: sut.origin,
    });
    assert.equal(run.code, 0, run.output);
  });

  it('leaves no secret in any report, trace zips and the Allure report included', async () => {
    const leaks = await findSecrets(reportsDir, LEAKS);
    assert.deepEqual(
      leaks.map((leak) => leak.where),
      [],
    );
    for (const pattern of LEAKS) assert.doesNotMatch(output, pattern);
  });

  it('keeps the failure messages, naming each secret as the feature knows it', () => {
    const results = JSON.parse(fs.readFileSync(path.join(reportsDir, 'results.json'), 'utf8')) as {
      scenarios: { name: string; error?: string }[];
    };
    const error = (name: string): string =>
      results.scenarios.find((scenario) => scenario.name === name)?.error?.split('\n')[0] ?? '';
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
    const results = JSON.parse(fs.readFileSync(path.join(reportsDir, 'results.json'), 'utf8')) as {
      scenarios: { exchanges: { source: string; validated?: boolean }[] }[];
    };
    const browser = results.scenarios
      .flatMap((scenario) => scenario.exchanges)
      .filter((each) => each.source === 'browser');
    assert.ok(browser.length > 0, 'no browser exchange recorded');
  });

  it('has the gate scan the reports and find nothing', () => {
    const gate = JSON.parse(fs.readFileSync(path.join(reportsDir, 'gate.json'), 'utf8')) as {
      rules: { id: string; passed: boolean; details: string[] }[];
    };
    const rule = gate.rules.find((each) => each.id === 'no-secrets-in-reports');
    assert.ok(rule, 'the gate has no no-secrets-in-reports rule');
    assert.equal(rule.passed, true, rule.details.join('\n'));
  });
});
