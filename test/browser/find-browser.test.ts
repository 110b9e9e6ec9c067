import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chromiumArgs, findBrowser, launchFound } from '../../support/browser/find-browser';

const PLAYWRIGHT = '/cache/ms-playwright/chromium/chrome';
const SHELL = '/usr/bin/chromium-headless-shell';
const only = (...present: string[]) => ({ exists: (file: string) => present.includes(file) });
const headed = (...present: string[]) => ({ ...only(...present), headless: false });

describe('finding a browser', () => {
  it("prefers CHROMIUM_PATH, then Playwright's own, then the system's", () => {
    assert.deepEqual(
      findBrowser('chromium', '/opt/chrome', () => PLAYWRIGHT, only('/opt/chrome', PLAYWRIGHT, SHELL)),
      {
        executablePath: '/opt/chrome',
        source: 'CHROMIUM_PATH',
      },
    );
    assert.deepEqual(
      findBrowser('chromium', undefined, () => PLAYWRIGHT, headed(PLAYWRIGHT, '/usr/bin/chromium')),
      {
        executablePath: PLAYWRIGHT,
        source: 'playwright',
      },
    );
    assert.deepEqual(
      findBrowser('chromium', undefined, () => PLAYWRIGHT, only('/usr/bin/chromium')),
      {
        executablePath: '/usr/bin/chromium',
        source: 'system',
      },
    );
  });

  it('runs a headless run in a headless shell: Playwright’s own, else the system’s; a headed run in the full Chromium', () => {
    // Playwright picks its headless shell when given no executable; its full Chromium is the fallback.
    assert.deepEqual(
      findBrowser('chromium', undefined, () => PLAYWRIGHT, only(PLAYWRIGHT, SHELL)),
      {
        executablePath: undefined,
        source: 'playwright',
        fallbackPath: PLAYWRIGHT,
      },
    );
    assert.deepEqual(
      findBrowser('chromium', undefined, () => PLAYWRIGHT, only('/usr/bin/chromium', SHELL)),
      { executablePath: SHELL, source: 'system' },
    );
    assert.deepEqual(
      findBrowser('chromium', undefined, () => PLAYWRIGHT, headed('/usr/bin/chromium', SHELL)),
      { executablePath: '/usr/bin/chromium', source: 'system' },
    );
  });

  it('falls back to Playwright’s full Chromium only when its headless shell is not installed', async () => {
    const found = findBrowser('chromium', undefined, () => PLAYWRIGHT, only(PLAYWRIGHT));
    const tried: (string | undefined)[] = [];
    const launch = (failure: string) => (executablePath: string | undefined) => {
      tried.push(executablePath);
      return executablePath === undefined
        ? Promise.reject(new Error(failure))
        : Promise.resolve(executablePath);
    };
    const missing =
      "browserType.launch: Executable doesn't exist at /cache/ms-playwright/chromium_headless_shell";
    assert.equal(await launchFound(found, launch(missing)), PLAYWRIGHT);
    assert.deepEqual(tried, [undefined, PLAYWRIGHT]);
    // Any other failure is the browser's own, and is not hidden by trying another build.
    tried.length = 0;
    await assert.rejects(
      launchFound(found, launch('Target page, context or browser has been closed')),
      /closed/,
    );
    assert.deepEqual(tried, [undefined]);
  });

  it('says how to install one when there is none', () => {
    assert.throws(
      () => findBrowser('chromium', undefined, () => PLAYWRIGHT, only()),
      /No Chromium found for the UI scenarios: install one with `npm run setup`.*apt-get install -y chromium.*CHROMIUM_PATH/,
    );
  });

  it('refuses a CHROMIUM_PATH that does not exist', () => {
    assert.throws(
      () => findBrowser('chromium', '/nope/chrome', () => PLAYWRIGHT, only(PLAYWRIGHT)),
      /^UsageError: CHROMIUM_PATH: \/nope\/chrome does not exist/,
    );
  });

  it('runs without the sandbox only as root, and never phones home', () => {
    assert.ok(chromiumArgs(true).includes('--no-sandbox'));
    assert.ok(!chromiumArgs(false).includes('--no-sandbox'));
    for (const flag of ['--disable-background-networking', '--disable-component-update', '--disable-sync']) {
      assert.ok(chromiumArgs(false).includes(flag));
    }
  });
});
