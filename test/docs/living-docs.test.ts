import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Locator, Page } from 'playwright';
import type { ContractCoverage } from '../../support/results/coverage';
import { allureHistoryId } from '../../support/docs/history';
import { loadCorpus } from '../../support/gherkin/load-corpus';
import { loadRequirements } from '../../support/trace/requirements';
import type { Traceability } from '../../support/results/traceability';
import { launchChromium, watchErrors } from '../helpers/browser';
import { ROOT, runHarness } from '../helpers/run-harness';
import { tempDir } from '../helpers/temp';

const CORPUS = path.join(ROOT, 'test/fixtures/gherkin-corpus');

describe('the living documentation of a corpus using every Gherkin construct', () => {
  const out = tempDir('sbe-docs-');
  let browser: Browser;
  let page: Page;
  let errors: string[];

  before(async () => {
    // No run behind it: everything is "not run"; results from elsewhere must not leak in.
    const run = await runHarness('docs', [
      '--features',
      CORPUS,
      '--out',
      out,
      '--results',
      path.join(out, 'none.json'),
    ]);
    assert.equal(run.code, 0, run.output);
    browser = await launchChromium();
    page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    errors = watchErrors(page);
    await page.goto(`file://${path.join(out, 'index.html')}`);
  });

  after(() => browser?.close());

  /** The navigation of the site: links there open a feature (the overview repeats them). */
  const nav = (): ReturnType<Page['getByRole']> => page.getByRole('navigation', { name: 'Specification' });

  /** Opens a feature from the navigation; the page renders on hashchange, so it waits for its title. */
  const openFeature = async (link: Locator): Promise<Locator> => {
    const name = (await link.textContent()) ?? '';
    await link.click();
    const feature = page.locator('section.feature', { has: page.getByRole('heading', { name, level: 2 }) });
    await feature.waitFor();
    return feature;
  };

  it('shows every scenario cucumber would run, each outline row with its own result', async () => {
    const corpus = loadCorpus([CORPUS], ROOT);
    const expected = corpus.features.reduce((count, feature) => count + feature.pickles.length, 0);
    let shown = 0;
    for (const link of await nav().locator('a[href^="#/feature/"]').all()) {
      await openFeature(link);
      const plain = await page.locator('article.scenario:not(:has(.examples))').count();
      const rows = await page.locator('tr.row').count();
      shown += plain + rows;
    }
    assert.equal(expected, 10);
    assert.equal(shown, expected);
    assert.equal(await page.locator('tr.row .badge').first().textContent(), 'not run');
  });

  it('renders backgrounds, rules, tables, doc strings, tagged examples and descriptions', async () => {
    await nav().getByRole('link', { name: 'Every Gherkin construct' }).click();
    const feature = page.locator('section.feature');
    assert.equal(
      await feature.getByRole('heading', { name: 'Background', exact: true }).count(),
      2,
      'feature and rule backgrounds',
    );
    await feature.getByText('Rule: A rule with its own background and description').waitFor();
    await feature.getByText('The rule explains itself here.').waitFor();
    assert.equal(
      await feature.locator('pre.docstring').first().textContent(),
      '{"amount": 42, "note": "</script><script>window.__pwned = true</script>"}',
    );
    assert.deepEqual(await feature.locator('h5').allTextContents(), [
      'Examples: Small amounts@small',
      'Examples: Large amounts@large@slow',
    ]);
    assert.equal(await feature.locator('.narrative strong').first().textContent(), 'bold');
    await feature.getByText('quoted <b>text</b>').waitFor();
  });

  it('never runs markup from narratives, descriptions or steps', async () => {
    await nav().getByRole('link', { name: 'Overview' }).click();
    await page.getByText('<script>window.__pwned = true</script>').first().waitFor();
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned), undefined);
    assert.deepEqual(errors, []);
  });

  it('keeps other languages as they are, marked with their language', async () => {
    const chinese = nav().getByRole('link', { name: '繁體中文的功能' });
    assert.equal(await chinese.evaluate((link) => link.closest('[lang]')?.getAttribute('lang')), 'zh-TW');
    await chinese.click();
    await page.getByText('場景大綱:').waitFor();
    await nav().getByRole('link', { name: 'Une fonctionnalité en français' }).click();
    await page.getByText("Un élève paie à l'école").waitFor();
    await page.getByText('Alors').waitFor();
  });

  it('filters by tag row by row: the tag of an Examples block shows only its rows', async () => {
    await nav().getByRole('link', { name: 'Every Gherkin construct' }).click();
    const rowsShown = async (): Promise<string[]> =>
      page
        .locator('tr.row')
        .evaluateAll((rows) => rows.map((row) => row.querySelector('td')?.textContent ?? ''));
    await page.getByLabel('Tag').selectOption('@large');
    assert.equal(await page.locator('article.scenario').count(), 1);
    assert.deepEqual(await rowsShown(), ['1000', '2000', '3000']);
    assert.deepEqual(await page.locator('h5').allTextContents(), ['Examples: Large amounts@large@slow']);
    await page.getByLabel('Tag').selectOption('@small');
    assert.deepEqual(await rowsShown(), ['1', '2']);
    // A tag of the outline itself keeps every row.
    await page.getByLabel('Tag').selectOption('@outline-tag');
    assert.deepEqual(await rowsShown(), ['1', '2', '1000', '2000', '3000']);
    await page.getByLabel('Tag').selectOption('');
    assert.equal(await page.locator('article.scenario').count(), 3);
    // The search finds a row by its values too.
    await page.getByLabel('Search').fill('3000');
    assert.deepEqual(await rowsShown(), ['3000']);
    await page.getByLabel('Search').fill('');
    assert.equal(await page.locator('article.scenario').count(), 3);
  });

  it('puts nothing between the title of a feature and its narrative when the feature has no tags', async () => {
    const feature = await openFeature(nav().getByRole('link', { name: 'Une fonctionnalité en français' }));
    assert.equal(await feature.locator(':scope > .tags').count(), 0);
    assert.equal(await feature.locator(':scope > .narrative').count(), 0, 'no description, no narrative box');
    assert.deepEqual(errors, []);
  });
});

/**
 * A real run of a small fixture: an outline with one Examples row expected wrongly (so a failed row
 * sits next to passed ones) and a scenario that passes only on its retry (flaky). The docs add the
 * number-lookup features, which that run did not touch (not run, and some in Traditional Chinese).
 */
describe('the living documentation of a run with a failed outline row and a flaky scenario', () => {
  const reportsDir = tempDir('sbe-docs-run-');
  const FIXTURE = path.join(ROOT, 'test/docs/fixtures/run');
  const FLAKY = path.join(ROOT, 'test/fixtures/flaky');
  const SPAM = '#/feature/test-docs-fixtures-run-spam-levels-feature';
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let index: string;

  before(async () => {
    const env = { REPORTS_DIR: reportsDir };
    const run = await runHarness(
      'spec',
      [
        '--no-gate',
        FIXTURE,
        path.join(FLAKY, 'flaky.feature'),
        '--require',
        path.join(FLAKY, 'flaky.steps.ts'),
        '--format',
        'summary',
      ],
      env,
    );
    assert.equal(run.code, 1, run.output);
    assert.match(run.output, /5 scenarios \(1 failed, 4 passed\)/);
    const docs = await runHarness(
      'docs',
      ['--features', FIXTURE, '--features', FLAKY, '--features', path.join(ROOT, 'features/number-lookup')],
      env,
    );
    assert.equal(docs.code, 0, docs.output);
    index = `file://${path.join(reportsDir, 'living-docs/index.html')}`;
    browser = await launchChromium();
    page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    errors = watchErrors(page);
  });

  after(() => browser?.close());

  const open = async (hash: string): Promise<void> => {
    await page.goto(`${index}${hash}`);
    await page.locator('#main > section').first().waitFor();
  };
  const readJson = <T>(name: string): T =>
    JSON.parse(fs.readFileSync(path.join(reportsDir, name), 'utf8')) as T;
  const rows = (): Promise<string[][]> =>
    page
      .locator('tr.row')
      .evaluateAll((found) =>
        found.map((row) => Array.from(row.querySelectorAll('td'), (cell) => cell.textContent ?? '')),
      );

  it('groups features by capability: each --features folder, with its README as narrative', async () => {
    await open('#/');
    assert.deepEqual(await page.locator('section.capability > h3').allTextContents(), [
      'Number lookup',
      'Run',
      'Flaky',
    ]);
    await page
      .locator('section.capability', { hasText: 'Number lookup' })
      .getByText('When the phone rings, the caller-ID service tells who is calling')
      .waitFor();
  });

  it('keeps the line breaks of a narrative', async () => {
    await open(SPAM);
    const narrative = page.locator('section.feature > .narrative');
    assert.equal(await narrative.locator('br').count(), 2);
    assert.deepEqual((await narrative.innerText()).split('\n'), [
      'As a product owner reading the living documentation',
      'I want each line of a narrative kept as it was written',
      'So that the narrative reads as three lines, not one sentence',
    ]);
    assert.equal(
      await page.locator('section.feature > h2 + .narrative').count(),
      1,
      'the narrative follows the title',
    );
  });

  it('shows the failed Examples row of an outline next to its passed rows, each with its own result', async () => {
    await open(SPAM);
    assert.deepEqual(await rows(), [
      ['0', 'none', 'passed'],
      ['1', 'suspicious', 'passed'],
      ['3', 'spam', 'passed'],
      ['4', 'none', 'failed'],
    ]);
    const failed = page.locator('tr.row.failed');
    assert.equal(await failed.count(), 1);
    assert.equal(await page.locator('article.scenario > header .badge').first().textContent(), 'failed');
    // The row's failure: the reason in one line, the step that failed marked, the message folded.
    const why = page.locator('section.failure');
    assert.equal(await why.locator('h5').textContent(), 'Row on line 26');
    assert.match((await why.locator('.reason').textContent()) ?? '', /none/);
    assert.doesNotMatch((await why.locator('.reason').textContent()) ?? '', /\n/);
    assert.deepEqual(
      await why
        .locator('ol.ran-steps > li')
        .evaluateAll((items: Element[]) => items.map((item) => item.className)),
      ['step passed', 'step passed', 'step failed'],
    );
    assert.match((await why.locator('li.step.failed').textContent()) ?? '', /the spam level is none/);
    assert.match((await why.locator('details pre').textContent()) ?? '', /none/);
  });

  it('filters the rows of an outline by the tags of their Examples block', async () => {
    await open(SPAM);
    await page.getByLabel('Tag').selectOption('@many');
    assert.deepEqual(await rows(), [
      ['3', 'spam', 'passed'],
      ['4', 'none', 'failed'],
    ]);
    await page.getByLabel('Tag').selectOption('@few');
    assert.deepEqual(
      (await rows()).map((row) => row[0]),
      ['0', '1'],
    );
    await page.getByLabel('Tag').selectOption('');
    assert.equal((await rows()).length, 4);
  });

  it('filters by status, row by row', async () => {
    await open(SPAM);
    const status = (label: string): ReturnType<Page['getByRole']> =>
      page.getByRole('group', { name: 'Status' }).getByRole('checkbox', { name: label, exact: true });
    await status('passed').uncheck();
    assert.deepEqual(await rows(), [['4', 'none', 'failed']]);
    await status('failed').uncheck();
    await page.getByText('No scenario matches the filters.').waitFor();
    await status('failed').check();
    await status('passed').check();
    assert.equal((await rows()).length, 4);
    // Only what has not run: the number-lookup features, not this run's.
    for (const label of ['passed', 'failed', 'pending', 'skipped']) await status(label).uncheck();
    await open('#/');
    const listed = page.locator('.feature-list li');
    assert.match(
      (await listed.filter({ hasText: 'Spam levels, one of them expected wrongly' }).textContent()) ?? '',
      /Spam levels, one of them expected wrongly\s*$/,
    );
    assert.match((await listed.filter({ hasText: '來電風險等級' }).textContent()) ?? '', /4 not run/);
    for (const label of ['passed', 'failed', 'pending', 'skipped']) await status(label).check();
  });

  it('marks a scenario that passed only on a retry as flaky, and no other', async () => {
    await open('#/feature/test-fixtures-flaky-flaky-feature');
    const card = page.locator('article.scenario');
    assert.deepEqual(await card.locator('header .badge').allTextContents(), ['passed', 'flaky']);
    assert.match((await page.locator('section.feature > .summary').textContent()) ?? '', /1 flaky/);
    await open('#/requirement/REQ-501');
    assert.deepEqual(await page.locator('.scenario-list li .badge').allTextContents(), ['passed', 'flaky']);
    await open(SPAM);
    assert.equal(await page.locator('.badge.flaky').count(), 0);
  });

  it('links a requirement tag on a feature page to the page of the requirement', async () => {
    await open(SPAM);
    const chip = page.locator('.rule > h3 a.tag', { hasText: '@REQ-110' });
    await chip.click();
    await page.waitForURL(/#\/requirement\/REQ-110$/);
    await page.getByRole('heading', { name: /^REQ-110 Spam level from the number of reports/ }).waitFor();
    assert.equal(
      await page.locator('.rule a.tag', { hasText: '@api' }).count(),
      0,
      'other tags are no links',
    );
  });

  it('gives a requirement page its acceptance criteria, scenarios, layers and the operations exercised', async () => {
    const catalog = loadRequirements(path.join(ROOT, 'specs/requirements.yaml'));
    const trace = readJson<Traceability>('traceability.json');
    const expected = trace.requirements.find((requirement) => requirement.id === 'REQ-110');
    assert.ok(expected && expected.operations.length > 0, 'the run exercised operations for REQ-110');
    await open('#/requirement/REQ-110');
    const section = page.locator('section.requirement');
    assert.deepEqual(
      await section.locator('ul.acceptance li').allTextContents(),
      catalog.get('REQ-110')?.acceptance,
    );
    assert.deepEqual(await section.locator('.operations code').allTextContents(), expected.operations);
    assert.equal(await section.locator('dd.needed').textContent(), 'api + ui');
    // A failed row means the API layer is not proven; nothing ran in the browser.
    assert.deepEqual(await section.locator('dd.proven .layer').allTextContents(), [
      '✘ api (failed)',
      '✘ ui (not run)',
    ]);
    const failedRow = section.locator('.scenario-list li', { hasText: 'spam-levels.feature:26' });
    assert.equal(await failedRow.locator('.badge').textContent(), 'failed');
    // Chinese scenario names are marked as such, English ones are not.
    const chinese = section.locator('.scenario-list a', { hasText: '被檢舉 0 次推銷的號碼' });
    assert.equal(await chinese.getAttribute('lang'), 'zh-TW');
    const english = section.locator('.scenario-list a', {
      hasText: '4 telemarketing report(s) make a number none',
    });
    assert.equal(await english.first().getAttribute('lang'), 'en');
  });

  it('says per requirement which layers it needs and which the run proved, a never-run one proving none', async () => {
    await open('#/requirements');
    const row = (id: string): ReturnType<Page['locator']> =>
      page.locator('table.requirements tbody tr', { has: page.getByRole('link', { name: id, exact: true }) });
    assert.equal(await row('REQ-110').locator('td.needed').textContent(), 'api + ui');
    assert.equal(await row('REQ-110').locator('td.proven').textContent(), '✘ api (failed)✘ ui (not run)');
    assert.equal(await row('REQ-501').locator('td.proven').textContent(), '✘ api (no scenario)');
    assert.equal(await row('REQ-101').locator('td.proven').textContent(), '✘ api (not run)✘ ui (not run)');
    assert.match(
      (await page.locator('.flag.missing-layers').textContent()) ?? '',
      /REQ-501 \(api: no scenario\)/,
    );
  });

  it('shows the contract coverage of the run', async () => {
    const coverage = readJson<ContractCoverage>('contract-coverage.json');
    await open('#/coverage');
    const totals = page.locator('table.data').first();
    assert.deepEqual(
      await totals
        .locator('tr', { hasText: /^operations/ })
        .locator('td')
        .allTextContents(),
      [
        'operations',
        String(coverage.totals.operationsCovered),
        String(coverage.totals.operations),
        String(coverage.totals.operationsPercent),
      ],
    );
    const lookUp = page.locator('table.coverage tr', { hasText: 'lookUpNumber' }).filter({ hasText: '200' });
    assert.equal(await lookUp.getAttribute('class'), 'covered');
    assert.match((await lookUp.textContent()) ?? '', /test\/docs\/fixtures\/run\/spam-levels\.feature:19/);
    const health = page.locator('table.coverage tr', { hasText: 'getHealth' });
    assert.equal(await health.getAttribute('class'), 'uncovered');
    assert.equal(await health.locator('td').nth(3).textContent(), '✘');
  });

  it('lists the step vocabulary with examples of use, and the steps no feature uses', async () => {
    await open('#/glossary');
    const used = page.locator('ul.glossary:not(.unused) > li');
    const unused = page.locator('ul.glossary.unused > li');
    const entry = (list: ReturnType<Page['locator']>, pattern: string): ReturnType<Page['locator']> =>
      list.filter({ has: page.locator('code.pattern', { hasText: new RegExp(`^${pattern}$`) }) });
    const spamLevel = entry(used, 'the spam level is \\{spam level\\}');
    assert.equal(await spamLevel.count(), 1);
    assert.ok((await spamLevel.locator('.examples a').allTextContents()).includes('the spam level is none'));
    assert.equal(await entry(unused, 'the spam level is \\{spam level\\}').count(), 0);
    // Nothing in these features blocks a number: that step is unused here.
    assert.equal(await entry(unused, '\\{persona\\} blocks the number').count(), 1);
    assert.equal(await entry(used, '\\{persona\\} blocks the number').count(), 0);
    assert.match(
      (await page.locator('#main > section > p').first().textContent()) ?? '',
      new RegExp(`; ${await unused.count()} not used by any feature\\.$`),
    );
    // An example is Chinese text, marked so, and leads to the scenario it comes from.
    const chinese = entry(used, '風險等級為「\\{spam level\\}」').locator('.examples a').first();
    assert.equal(await chinese.getAttribute('lang'), 'zh-TW');
    const href = (await chinese.getAttribute('href')) ?? '';
    assert.match(href, /^#\/feature\/features-number-lookup-spam-level-zh-TW-feature\/\d+$/);
    await chinese.click();
    // The scenario (or row) the link points at has the route as its id, and is marked.
    await page.locator(`[id="${href.slice(1)}"].target`).waitFor();
  });

  it("computes Allure's history ids of the run's scenarios and rows as allure-cucumberjs does", () => {
    const written = fs
      .readdirSync(path.join(reportsDir, 'allure-results'))
      .filter((name) => name.endsWith('-result.json'))
      .map(
        (name) =>
          (
            JSON.parse(fs.readFileSync(path.join(reportsDir, 'allure-results', name), 'utf8')) as {
              historyId: string;
            }
          ).historyId,
      );
    const computed = new Set<string>();
    for (const feature of loadCorpus([FIXTURE, FLAKY], ROOT).features) {
      const children = feature.document.feature?.children ?? [];
      const scenarios = children.flatMap((child) => [
        ...(child.scenario ? [child.scenario] : []),
        ...(child.rule?.children.flatMap((inner) => (inner.scenario ? [inner.scenario] : [])) ?? []),
      ]);
      for (const scenario of scenarios) {
        computed.add(allureHistoryId(feature.uri, scenario.name));
        for (const block of scenario.examples)
          for (const row of block.tableBody)
            computed.add(
              allureHistoryId(
                feature.uri,
                scenario.name,
                row.cells.map((cell, index) => ({
                  name: block.tableHeader?.cells[index]?.value ?? '',
                  value: cell.value,
                })),
              ),
            );
      }
    }
    assert.ok(written.length >= 5, 'the run wrote Allure results');
    assert.deepEqual(
      written.filter((id) => !computed.has(id)),
      [],
    );
  });

  it('shows every page without a console error', async () => {
    for (const hash of ['#/', SPAM, '#/requirements', '#/requirement/REQ-110', '#/coverage', '#/glossary']) {
      await open(hash);
    }
    assert.deepEqual(errors, []);
  });
});
