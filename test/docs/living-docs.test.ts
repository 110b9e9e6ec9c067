import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright';
import { loadCorpus } from '../../support/gherkin/corpus';
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

  it('shows every scenario cucumber would run, each outline row with its own result', async () => {
    const corpus = loadCorpus([CORPUS], ROOT);
    const expected = corpus.features.reduce((count, feature) => count + feature.pickles.length, 0);
    let shown = 0;
    for (const link of await nav().locator('a[href^="#/feature/"]').all()) {
      await link.click();
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

  it('filters scenarios by tag', async () => {
    await nav().getByRole('link', { name: 'Every Gherkin construct' }).click();
    await page.getByLabel('Tag').selectOption('@large');
    assert.equal(await page.locator('article.scenario').count(), 1);
    await page.getByLabel('Tag').selectOption('');
    assert.equal(await page.locator('article.scenario').count(), 3);
  });
});
