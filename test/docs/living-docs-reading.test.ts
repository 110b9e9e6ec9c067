import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright';
import {
  allureHistoryId,
  allureHistoryKey,
  combinedHistory,
  type AllureHistory,
} from '../../support/docs/history';
import { RESULTS_SCHEMA_VERSION } from '../../support/results/model-file';
import type { RunResults, ScenarioResult } from '../../support/results/run-model';
import { launchChromium, watchErrors } from '../helpers/browser';
import { ROOT, runHarness } from '../helpers/run-harness';
import { tempDir } from '../helpers/temp';

/**
 * The living documentation as people read it: without JavaScript, a failure as a product owner
 * reads it, filters that the counts follow, a search over every page, links to Examples rows,
 * dates, a Traditional Chinese page, and the last runs. Results and Allure's history are made up
 * (no run), so every case is known.
 */
const FIXTURE = path.join(ROOT, 'test/docs/fixtures/reading');
const EN_URI = 'test/docs/fixtures/reading/transfers.feature';
const ZH_URI = 'test/docs/fixtures/reading/transfers.zh-TW.feature';
const EN = '#/feature/test-docs-fixtures-reading-transfers-feature';
const ZH = '#/feature/test-docs-fixtures-reading-transfers-zh-TW-feature';
const STARTED = '2026-03-04T05:06:07.890Z';
const STACK = [
  'expected the transfer to be refused, but it went through',
  '    at World.<anonymous> (steps/api/transfers.steps.ts:12:7)',
  '    at node_modules/@cucumber/cucumber/lib/runtime/step_runner.js:42:3',
].join('\n');

function scenario(
  uri: string,
  line: number,
  status: ScenarioResult['status'],
  steps: [string, string, ScenarioResult['status']][],
  error?: string,
): ScenarioResult {
  return {
    name: 'made up',
    uri,
    line,
    feature: 'made up',
    tags: [],
    language: uri.includes('zh-TW') ? 'zh-TW' : 'en',
    selected: true,
    status,
    attempts: 1,
    flaky: false,
    durationMs: 5,
    ...(error ? { error } : {}),
    steps: steps.map(([keyword, text, stepStatus]) => ({ keyword, text, status: stepStatus })),
    exchanges: [],
  };
}

const RESULTS: RunResults = {
  startedAt: STARTED,
  complete: true,
  runs: 1,
  errors: [],
  scenarios: [
    scenario(
      EN_URI,
      9,
      'FAILED',
      [
        ['Given ', 'an account holding 100 euros', 'PASSED'],
        ['When ', 'the holder transfers 150 euros', 'FAILED'],
        ['Then ', 'the transfer is refused', 'SKIPPED'],
        ['And ', 'the balance is still 100 euros', 'SKIPPED'],
      ],
      STACK,
    ),
    scenario(EN_URI, 21, 'PASSED', []),
    scenario(EN_URI, 22, 'PASSED', []),
    scenario(ZH_URI, 11, 'PASSED', []),
    scenario(
      ZH_URI,
      12,
      'FAILED',
      [
        ['當 ', '持有人轉出 20 元', 'PASSED'],
        ['那麼 ', '餘額為 70 元', 'FAILED'],
      ],
      'expected 70, got 80\n    at World.<anonymous> (steps/api/transfers.steps.ts:20:7)',
    ),
  ],
};

/** Three earlier runs of the refused transfer, newest first as Allure keeps them: passed, passed, failed. */
function allureHistory(): AllureHistory {
  const at = (day: number): { start: number; stop: number } => ({
    start: Date.parse(`2026-03-0${day}T10:00:00Z`),
    stop: Date.parse(`2026-03-0${day}T10:00:01Z`),
  });
  const id = allureHistoryId(EN_URI, 'A transfer larger than the balance is refused');
  return {
    [allureHistoryKey(id)]: {
      items: [
        { status: 'failed', time: at(3) },
        { status: 'passed', time: at(2) },
        { status: 'passed', time: at(1) },
      ],
    },
  };
}

describe('the living documentation as people read it', () => {
  const reportsDir = tempDir('sbe-docs-reading-');
  const index = `file://${path.join(reportsDir, 'living-docs/index.html')}`;
  let browser: Browser;
  let scripted: Page;
  let errors: string[];
  let staticContext: BrowserContext;
  let plain: Page;

  before(async () => {
    fs.writeFileSync(
      path.join(reportsDir, 'results.json'),
      JSON.stringify({ schemaVersion: RESULTS_SCHEMA_VERSION, ...RESULTS }),
    );
    fs.mkdirSync(path.join(reportsDir, 'allure-report/history'), { recursive: true });
    fs.writeFileSync(
      path.join(reportsDir, 'allure-report/history/history.json'),
      JSON.stringify(allureHistory()),
    );
    const docs = await runHarness('docs', ['--features', FIXTURE], { REPORTS_DIR: reportsDir });
    assert.equal(docs.code, 0, docs.output);
    browser = await launchChromium();
    scripted = await browser.newPage();
    scripted.setDefaultTimeout(10_000);
    errors = watchErrors(scripted);
    staticContext = await browser.newContext({ javaScriptEnabled: false });
    plain = await staticContext.newPage();
    plain.setDefaultTimeout(10_000);
  });

  after(() => browser?.close());

  const open = async (hash: string): Promise<void> => {
    await scripted.goto(`${index}${hash}`);
    await scripted.locator('#main > section').first().waitFor();
  };

  it('reads completely without JavaScript: every feature, scenario, row, requirement and page', async () => {
    await plain.goto(`${index}#/`);
    const main = plain.locator('main');
    assert.doesNotMatch((await main.textContent()) ?? '', /needs JavaScript/);
    assert.deepEqual(await main.locator('section.feature > h2').allTextContents(), [
      'Feature: Transfers between accounts',
      '功能: 轉帳',
    ]);
    // Every scenario cucumber would run: 1 plain scenario, 4 Examples rows.
    assert.equal(await main.locator('article.scenario:not(:has(.examples))').count(), 1);
    assert.equal(await main.locator('tr.row').count(), 4);
    for (const page of ['/', '/requirements', '/requirement/REQ-101', '/coverage', '/glossary']) {
      assert.equal(await plain.locator(`section.page[id="${page}"]`).count(), 1, page);
    }
    await main.getByText('Why it failed').waitFor();
    assert.equal(await plain.locator('#filters *').count(), 0, 'filters come with the script only');
    // The navigation's links land on their page without a script.
    await plain
      .getByRole('navigation', { name: 'Specification' })
      .getByRole('link', { name: '轉帳' })
      .click();
    assert.equal(
      await plain.evaluate(() => document.querySelector(':target')?.id),
      '/feature/test-docs-fixtures-reading-transfers-zh-TW-feature',
    );
  });

  it('marks the failing step, the steps skipped after it, the one-line reason first and the details folded', async () => {
    for (const page of [plain, scripted]) {
      await page.goto(`${index}${EN}`);
      const card = page
        .locator('article.scenario', { hasText: 'A transfer larger than the balance' })
        .first();
      const why = card.locator('section.failure');
      assert.equal(await why.locator('h5').textContent(), 'Why it failed');
      assert.equal(
        await why.locator('.reason').textContent(),
        'expected the transfer to be refused, but it went through',
      );
      assert.deepEqual(
        await why
          .locator('ol.ran-steps > li')
          .evaluateAll((items: Element[]) => items.map((item) => item.className)),
        ['step passed', 'step failed', 'step skipped', 'step skipped'],
      );
      assert.match(
        (await why.locator('li.step.failed').textContent()) ?? '',
        /transfers 150 euros — failed here/,
      );
      assert.match((await why.locator('li.step.skipped').first().textContent()) ?? '', /skipped/);
      // The stack is there, folded.
      assert.equal(await why.locator('details').getAttribute('open'), null);
      assert.match((await why.locator('details pre').textContent()) ?? '', /step_runner\.js/);
      assert.equal(await why.locator('details pre').isVisible(), false);
      // The scenario's own steps mark the failing one too.
      assert.deepEqual(
        await card
          .locator(':scope > ol.steps > li')
          .evaluateAll((items: Element[]) => items.map((item) => item.className)),
        ['step failed', 'step skipped', 'step skipped'],
      );
    }
  });

  it('counts what the filters show', async () => {
    await open(EN);
    const counts = (): Promise<string | null> => scripted.locator('section.feature > .summary').textContent();
    assert.equal(await counts(), '2 passed1 failed');
    await scripted
      .getByRole('group', { name: 'Status' })
      .getByRole('checkbox', { name: 'passed', exact: true })
      .uncheck();
    assert.equal(await counts(), '1 failed');
    await open('#/');
    assert.equal(await scripted.locator('#main > section > .summary').textContent(), '2 failed');
    await scripted
      .getByRole('group', { name: 'Status' })
      .getByRole('checkbox', { name: 'passed', exact: true })
      .check();
    assert.equal(await scripted.locator('#main > section > .summary').textContent(), '3 passed2 failed');
  });

  it('searches every page, not just the open one', async () => {
    await open(EN);
    await scripted.getByLabel('Search').fill('餘額為');
    const results = scripted.getByRole('region', { name: 'Found on every page' });
    const hit = results.getByRole('link', { name: '轉出 <金額> 元後剩 <餘額> 元' });
    assert.equal(await hit.count(), 1, 'the Chinese feature is found from the English page');
    await scripted.getByLabel('Search').fill('Identify business callers');
    await results.getByRole('link', { name: 'REQ-101' }).waitFor();
    await scripted.getByLabel('Search').fill('');
    assert.equal(await results.count(), 0);
  });

  it('lands on an Outline row a link points at, and marks it', async () => {
    await open(`${EN}/22`);
    const row = scripted.locator('tr.row.target');
    await row.waitFor();
    assert.equal(await row.count(), 1);
    assert.deepEqual(
      await row.locator('td').evaluateAll((cells) => cells.slice(0, 2).map((cell) => cell.textContent)),
      ['30', '70'],
    );
    const box = await row.boundingBox();
    const viewport = scripted.viewportSize();
    assert.ok(box && viewport && box.y >= 0 && box.y + box.height <= viewport.height, 'the row is in view');
    // Without a script, the row is the link's target and marked as one.
    await plain.goto(`${index}${EN}/22`);
    assert.equal(await plain.evaluate(() => document.querySelector(':target')?.className), 'row passed');
    const background = await plain
      .locator('tr.row:target td')
      .first()
      .evaluate((cell) => getComputedStyle(cell).backgroundColor);
    assert.equal(background, 'rgb(255, 244, 204)');
  });

  it('writes dates in ISO 8601', async () => {
    await open('#/');
    assert.match((await scripted.locator('#run').textContent()) ?? '', /^Latest run 2026-03-04T05:06:07Z · /);
    await plain.goto(index);
    assert.match((await plain.locator('#run').textContent()) ?? '', /^Latest run 2026-03-04T05:06:07Z · /);
  });

  it('translates every label of a Traditional Chinese page', async () => {
    for (const page of [scripted, plain]) {
      await page.goto(`${index}${ZH}`);
      const feature = page.locator('section.feature', { hasText: '功能: 轉帳' });
      assert.equal(await feature.locator('th').last().textContent(), '結果');
      assert.deepEqual(await feature.locator('tr.row .badge').allTextContents(), ['通過', '失敗']);
      assert.equal(await feature.locator(':scope > .summary').textContent(), '1 通過1 失敗');
      assert.equal(await feature.locator('section.failure h5').textContent(), '第 12 行的範例');
      assert.match((await feature.locator('li.step.failed').textContent()) ?? '', /在此失敗/);
      assert.equal(await feature.locator('details summary').textContent(), '詳細資訊（完整訊息）');
      assert.equal(await feature.locator('[lang="en"]').count(), 0, 'no English label on the page');
    }
  });

  it('shows the last runs of a scenario and of a requirement, from Allure’s history, and since when', async () => {
    await open(EN);
    const history = scripted
      .locator('article.scenario', { hasText: 'larger than the balance' })
      .locator('.history');
    assert.deepEqual(
      await history.locator('.tick').evaluateAll((ticks: Element[]) => ticks.map((tick) => tick.className)),
      ['tick passed', 'tick passed', 'tick failed', 'tick failed'],
    );
    assert.match((await history.getAttribute('title')) ?? '', /failed since 2026-03-03T10:00:00Z/);
    await open('#/requirement/REQ-101');
    const lastRuns = scripted.locator('dd.last-runs');
    assert.equal(await lastRuns.locator('.tick').count(), 4);
    assert.equal(await lastRuns.locator('.since').textContent(), 'failed since 2026-03-03T10:00:00Z');
    assert.deepEqual(errors, []);
  });
});

describe("mapping Allure's history to scenarios", () => {
  it('keys a history id as the Allure report does in history.json', () => {
    // Observed in a report of Allure 2.46: the result's historyId and the key of its history.
    assert.equal(
      allureHistoryKey('878c49091167ec352099b2a700e7ba8f:29e5d3546eda8b003d6c000fb61cd224'),
      '559f6d36c9a45827e154f3019a60710b.29e5d3546eda8b003d6c000fb61cd224',
    );
  });

  it("tells a requirement's runs apart by time and keeps the worst result of each", () => {
    const run = (
      at: string,
      status: 'passed' | 'failed',
    ): { at: string; until: string; status: typeof status } => ({
      at: `2026-03-01T10:00:${at}Z`,
      until: `2026-03-01T10:00:${at}Z`,
      status,
    });
    assert.deepEqual(
      combinedHistory([
        [run('00', 'passed'), run('30', 'passed')],
        [run('01', 'failed'), run('31', 'passed')],
      ]).map((point) => point.status),
      ['failed', 'passed'],
    );
  });
});
