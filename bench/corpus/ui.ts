import path from 'node:path';
import { cycledFeatures, moduleFile, writeFolder, type Shape } from './files';

/** Two kinds of browser scenario, in turn, in the harness's own words (its UI steps). */
const SHAPES: readonly Shape[] = [
  (n) => [
    `  Scenario: ${n} the web app names a verified business`,
    '    When a visitor looks up +886227208889 in the web app',
    '    Then the result card names "Acme Bank Customer Service" as a verified business',
  ],
  (n) => [
    '  @negative',
    `  Scenario: ${n} the web app explains the expected format`,
    '    When a visitor looks up the text "0912-345-678" in the web app',
    '    Then the web app explains that the number must be in international format',
  ],
];

/** The same steps for playwright-bdd, finding elements as the harness's page objects do. */
const PLAYWRIGHT_BDD_STEPS = `const { expect } = require(${moduleFile('@playwright/test')});
const { createBdd } = require(${moduleFile('playwright-bdd')});

const { When, Then } = createBdd();

async function lookUp(page, number) {
  await page.goto('/');
  const search = page.getByRole('search', { name: 'Look up a number' });
  await search.getByLabel('Phone number').fill(number);
  await search.getByRole('button', { name: 'Look up' }).click();
}

const fact = (page, term) =>
  page.getByRole('region', { name: 'Lookup result' }).getByRole('group', { name: term }).getByRole('definition');

When(/^a visitor looks up (\\+\\d+) in the web app$/, async ({ page }, number) => lookUp(page, number));
When('a visitor looks up the text {string} in the web app', async ({ page }, text) => lookUp(page, text));
Then('the result card names {string} as a verified business', async ({ page }, name) => {
  const result = page.getByRole('region', { name: 'Lookup result' });
  await expect(result.getByRole('heading', { level: 2 })).toHaveText(name);
  await expect(fact(page, 'Caller type')).toHaveText('Business');
  await expect(fact(page, 'Verification')).toHaveText('Verified business');
});
Then('the web app explains that the number must be in international format', async ({ page }) => {
  await expect(page.getByRole('alert')).toContainText('E.164');
});
`;

export interface Chromium {
  readonly executablePath: string | undefined;
  readonly args: readonly string[];
}

export interface UiCorpus {
  readonly count: number;
  readonly featuresDir: string;
  readonly playwrightConfig: string;
  /** Where playwright-bdd's JSON reporter writes. */
  readonly playwrightResults: string;
}

/** playwright-bdd's files, beside its configuration. */
interface PlaywrightBddFiles {
  readonly steps: string;
  readonly generated: string;
  readonly testResults: string;
}

/**
 * playwright-bdd set up as the harness runs its browser: one worker, the same Chromium and flags,
 * the same context options and timeouts, traces kept on failure, a screenshot on failure.
 */
function playwrightConfig(corpus: UiCorpus, files: PlaywrightBddFiles, chromium: Chromium): string {
  const launchOptions = {
    ...(chromium.executablePath ? { executablePath: chromium.executablePath } : {}),
    args: chromium.args,
  };
  return `const { defineConfig } = require(${moduleFile('@playwright/test')});
const { defineBddConfig } = require(${moduleFile('playwright-bdd')});

const testDir = defineBddConfig({
  features: ${JSON.stringify(`${corpus.featuresDir}/*.feature`)},
  featuresRoot: ${JSON.stringify(corpus.featuresDir)},
  steps: ${JSON.stringify(files.steps)},
  outputDir: ${JSON.stringify(files.generated)},
});

module.exports = defineConfig({
  testDir,
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: [['json', { outputFile: ${JSON.stringify(corpus.playwrightResults)} }]],
  outputDir: ${JSON.stringify(files.testResults)},
  timeout: 20000,
  expect: { timeout: 5000 },
  use: {
    baseURL: process.env.BENCH_ORIGIN,
    viewport: { width: 1280, height: 720 },
    locale: 'en-US',
    timezoneId: 'UTC',
    actionTimeout: 5000,
    navigationTimeout: 10000,
    trace: { mode: 'retain-on-failure', screenshots: true, snapshots: true, sources: false },
    screenshot: 'only-on-failure',
    launchOptions: ${JSON.stringify(launchOptions)},
  },
});
`;
}

export function writeUiCorpus(dir: string, count: number, chromium: Chromium): UiCorpus {
  const playwrightDir = path.join(dir, 'playwright-bdd');
  const corpus: UiCorpus = {
    count,
    featuresDir: path.join(dir, 'features'),
    playwrightConfig: path.join(playwrightDir, 'playwright.config.js'),
    playwrightResults: path.join(playwrightDir, 'results.json'),
  };
  const files: PlaywrightBddFiles = {
    steps: path.join(playwrightDir, 'steps.js'),
    generated: path.join(playwrightDir, '.features-gen'),
    testResults: path.join(playwrightDir, 'test-results'),
  };
  writeFolder(dir, {
    ...cycledFeatures(corpus.featuresDir, count, {
      tags: '@ui',
      name: 'Benchmark UI scenarios',
      perFile: 25,
      shapes: SHAPES,
    }),
    [files.steps]: PLAYWRIGHT_BDD_STEPS,
    [corpus.playwrightConfig]: playwrightConfig(corpus, files, chromium),
  });
  return corpus;
}
