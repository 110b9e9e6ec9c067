import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chromiumArgs, findBrowser } from '../../support/browser/find-browser';

const PLAYWRIGHT = '/cache/ms-playwright/chromium/chrome';
const only =
  (...present: string[]) =>
  (file: string) =>
    present.includes(file);

describe('finding a browser', () => {
  it("prefers CHROMIUM_PATH, then Playwright's own, then the system's", () => {
    assert.deepEqual(
      findBrowser('chromium', '/opt/chrome', () => PLAYWRIGHT, only('/opt/chrome', PLAYWRIGHT)),
      {
        executablePath: '/opt/chrome',
        source: 'CHROMIUM_PATH',
      },
    );
    assert.deepEqual(
      findBrowser('chromium', undefined, () => PLAYWRIGHT, only(PLAYWRIGHT, '/usr/bin/chromium')),
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
