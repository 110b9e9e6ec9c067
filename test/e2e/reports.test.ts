import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Locator } from 'playwright';
import { launchChromium, watchErrors } from '../helpers/browser';
import { ROOT, runHarness } from '../helpers/run-harness';
import { findSecrets } from '../helpers/secrets';
import { startStandaloneSut, type StandaloneSut } from '../../sut/standalone';
import { serveDirectory } from '../helpers/static-server';
import { tempDir } from '../helpers/temp';

/**
 * Expands a section of the Allure report until `target` shows. A click toggles the section, so it
 * is clicked again only after a generous wait: on a loaded machine the report's script is slow.
 */
async function reveal(target: Locator, toggle: Locator): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (await target.isVisible()) return;
    await toggle.click();
    const shown = await target.waitFor({ timeout: 5_000 }).then(
      () => true,
      () => false,
    );
    if (shown) return;
  }
  await target.waitFor();
}

const FAILING = 'After a successful sign-in the web app is wrongly expected to complain';

/** The uid of the Allure report's test result of that name (its page is `#testresult/<uid>`). */
function allureTestUid(report: string, name: string): string {
  const dir = path.join(report, 'data', 'test-cases');
  for (const file of fs.readdirSync(dir)) {
    const result = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as { uid: string; name: string };
    if (result.name === name) return result.uid;
  }
  throw new Error(`no test result "${name}" in ${dir}`);
}

describe('the reports of a run that signs in and has one failing UI scenario', () => {
  // A provisioned account whose password the test knows, so it can look for it everywhere.
  const password = `demo-${crypto.randomBytes(9).toString('base64url')}`;
  const reportsDir = tempDir('sbe-reports-');
  let sut: StandaloneSut;
  let browser: Browser;

  before(async () => {
    sut = await startStandaloneSut({ SUT_DEMO_PASSWORD: password });
    const env = { BASE_URL: sut.origin, ACCOUNT_ALICE: `demo:${password}`, REPORTS_DIR: reportsDir };
    const run = await runHarness(
      'spec',
      [
        'features',
        path.join(ROOT, 'test/fixtures/failing/ui-failure.feature'),
        '--tags',
        '@REQ-402',
        '--format',
        'summary',
      ],
      env,
    );
    assert.equal(run.code, 1, run.output);
    assert.match(run.output, /1 failed/);
    const report = await runHarness('report', [], env);
    assert.equal(report.code, 0, report.output);
    const docs = await runHarness(
      'docs',
      ['--features', 'features', '--features', path.join(ROOT, 'test/fixtures/failing')],
      env,
    );
    assert.equal(docs.code, 0, docs.output);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await sut?.stop();
  });

  it('hold no password or token anywhere, traces and attachments included', async () => {
    const leaks = await findSecrets(reportsDir, [
      new RegExp(password),
      /cid_[A-Za-z0-9_-]{20,}/, // an access token of the service
      /pw-[A-Za-z0-9_-]{16}/, // a password the harness generated for a persona
      /Bearer (?!\[REDACTED\])[A-Za-z0-9_-]{8,}/,
    ]);
    assert.deepEqual(leaks, []);
  });

  it('hold no absolute local path: not the project, the home folder or the reports folder', async () => {
    const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const places = [ROOT, os.homedir(), reportsDir].filter((place) => place.length > 1);
    const leaks = await findSecrets(
      reportsDir,
      places.map((place) => new RegExp(`${escape(place)}/`)),
    );
    assert.deepEqual(leaks, []);
  });

  it('give an Allure report linking the failure to its requirement, with its exchanges, screenshot and trace', async () => {
    const server = await serveDirectory(path.join(reportsDir, 'allure-report'));
    const page = await browser.newPage({ viewport: { width: 1400, height: 1200 } });
    page.setDefaultTimeout(10_000);
    const errors = watchErrors(page);
    try {
      // The Suites tab nests capability → feature → rule: open the failing result by its own page.
      await page.goto(
        `${server.url}/#testresult/${allureTestUid(path.join(reportsDir, 'allure-report'), FAILING)}`,
      );
      const requirement = page.getByRole('link', { name: 'REQ-402 Sign in for an access token' });
      await requirement.waitFor();
      assert.equal(await requirement.getAttribute('href'), 'https://tracker.example/browse/REQ-402');
      await reveal(
        page.getByText('HTTP issueToken → 200.json').first(),
        page.getByText('When Alice signs in to the web app'),
      );
      // Beside the JSON, the exchange's readable view.
      await page.getByText('HTTP issueToken → 200', { exact: true }).first().waitFor({ state: 'attached' });
      await reveal(page.getByText('Finish the scenario'), page.getByText('Tear down'));
      await reveal(page.getByText('Screenshot at failure.png'), page.getByText('Finish the scenario'));
      await page.getByText(/Playwright trace .*\.zip/).waitFor();
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
      await server.close();
    }
  });

  it('give living documentation that opens from file:// with results, requirement pages and Chinese text', async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    const errors = watchErrors(page);
    try {
      await page.goto(`file://${path.join(reportsDir, 'living-docs/index.html')}`);
      const chinese = page
        .getByRole('navigation', { name: 'Specification' })
        .getByRole('link', { name: '來電風險等級' });
      assert.equal(await chinese.evaluate((link) => link.closest('[lang]')?.getAttribute('lang')), 'zh-TW');
      await page.goto(`file://${path.join(reportsDir, 'living-docs/index.html')}#/requirement/REQ-402`);
      const link = page.locator('a.requirement-link');
      assert.equal(await link.getAttribute('href'), 'https://tracker.example/browse/REQ-402');
      const failing = page.getByRole('listitem').filter({ hasText: FAILING });
      assert.equal(await failing.locator('.badge').textContent(), 'failed');
      const passing = page.getByRole('listitem').filter({ hasText: 'Signing in with the right password' });
      assert.equal(await passing.locator('.badge').first().textContent(), 'passed');
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });
});
