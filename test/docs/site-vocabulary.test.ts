import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, it } from 'node:test';
import type { DocsModel, ScenarioDoc } from '../../support/docs/model';
import { renderSite } from '../../support/docs/render';
import { readingOrder, siteData, statusVocabulary, type SiteData } from '../../support/docs/site-data';
import { staticGlobals } from '../../support/docs/static-dom';
import {
  DOC_STATUSES,
  STATUSES,
  docStatus,
  type DocStatus,
  type ScenarioStatus,
} from '../../support/results/status';
import type { TracedRequirement } from '../../support/results/traceability';

/**
 * One status vocabulary: the page script reads the statuses, their order and what cucumber's
 * statuses show as from the data the build embeds, made from support/results/status.ts.
 */
const SCRIPT = fs.readFileSync(path.join(__dirname, '../../support/docs/site/app.js'), 'utf8');

const scenario = (line: number, status: DocStatus): ScenarioDoc => ({
  id: `features/c/f.feature:${line}`,
  keyword: 'Scenario',
  name: `scenario ${line}`,
  line,
  tags: [],
  descriptionHtml: '',
  steps: [],
  examples: [],
  status,
  flaky: false,
});

const requirement = (id: string, result: ScenarioStatus | 'NO_SCENARIO'): TracedRequirement => ({
  id,
  title: `requirement ${id}`,
  capability: 'C',
  priority: 'high',
  owner: 'qa',
  status: 'active',
  link: 'https://example.com',
  acceptance: [],
  layersRequired: ['api'],
  layers: [{ layer: 'api', required: true, result }],
  layersProven: result === 'PASSED' ? ['api'] : [],
  result,
  scenarios: [],
  operations: [],
});

const REQUIREMENT_RESULTS: readonly (ScenarioStatus | 'NO_SCENARIO')[] = [
  ...STATUSES,
  'NOT_RUN',
  'NO_SCENARIO',
];

/** A specification with one scenario of every status the page shows, and a requirement of every result. */
const MODEL: DocsModel = {
  title: 'Vocabulary',
  generatedAt: '2026-01-02T03:04:05.000Z',
  capabilities: [
    {
      id: 'c',
      name: 'C',
      narrativeHtml: '',
      features: [
        {
          id: 'features-c-f-feature',
          uri: 'features/c/f.feature',
          keyword: 'Feature',
          name: 'F',
          language: 'en',
          tags: [],
          descriptionHtml: '',
          rules: [
            {
              name: '',
              keyword: '',
              tags: [],
              descriptionHtml: '',
              scenarios: DOC_STATUSES.map((status, index) => scenario(index + 3, status)),
            },
          ],
        },
      ],
    },
  ],
  requirements: REQUIREMENT_RESULTS.map((result, index) => requirement(`REQ-${index}`, result)),
  flags: { requirementsWithoutScenario: [], scenariosWithoutRequirement: [], missingLayers: [] },
  glossary: [],
  problems: [],
};

/** The pages the page script builds from `data`, by route. */
function pagesOf(data: SiteData): Map<string, string> {
  const pages = new Map<string, string>();
  vm.runInNewContext(
    `${SCRIPT}\n;staticBuild(STATIC_EMIT);`,
    staticGlobals(JSON.stringify(data), (route, page) => pages.set(route, page.toHtml())),
  );
  return pages;
}

/** The statuses of the overview's counts, in the order the page lists them. */
const countOrder = (html: string): string[] =>
  [...html.matchAll(/class="count ([a-z-]+)"/g)].map((match) => match[1] ?? '').slice(0, DOC_STATUSES.length);

describe('the living documentation has one status vocabulary: support/results/status.ts', () => {
  it('embeds the vocabulary of status.ts in the page, with the model', () => {
    const html = renderSite(MODEL);
    const json = /<script id="docs-data" type="application\/json">(.*?)<\/script>/s.exec(html)?.[1] ?? '{}';
    const data = JSON.parse(json) as SiteData;
    assert.equal(data.title, MODEL.title);
    assert.deepEqual(data.vocabulary, statusVocabulary());
    assert.deepEqual(data.vocabulary.severity, DOC_STATUSES);
    assert.deepEqual([...data.vocabulary.shown].sort(), [...DOC_STATUSES].sort());
    for (const status of [...STATUSES, 'NOT_RUN'] as const)
      assert.equal(data.vocabulary.docStatus[status], docStatus(status), status);
  });

  it('lists what passed first, then what went wrong worst first, then what did not run', () => {
    assert.deepEqual(readingOrder(DOC_STATUSES), ['passed', 'failed', 'pending', 'skipped', 'not-run']);
    // Another severity order in status.ts would be another reading order, with no edit to the page.
    assert.deepEqual(readingOrder(['not-run', 'passed', 'failed', 'pending', 'skipped']), [
      'passed',
      'skipped',
      'pending',
      'failed',
      'not-run',
    ]);
  });

  it('lists the statuses in the order the vocabulary it receives gives, keeping none of its own', () => {
    const data = siteData(MODEL);
    assert.deepEqual(countOrder(pagesOf(data).get('/') ?? ''), data.vocabulary.shown);
    const reversed = [...data.vocabulary.shown].reverse();
    assert.deepEqual(
      countOrder(pagesOf({ ...data, vocabulary: { ...data.vocabulary, shown: reversed } }).get('/') ?? ''),
      reversed,
    );
  });

  it("shows a requirement's result as the vocabulary's docStatus says", () => {
    const data = siteData(MODEL);
    const badges = (docStatusOf: SiteData['vocabulary']['docStatus']): string[] => {
      const html = pagesOf({ ...data, vocabulary: { ...data.vocabulary, docStatus: docStatusOf } }).get(
        '/requirements',
      );
      return [...(html ?? '').matchAll(/<td><span class="badge ([a-z-]+)"/g)].map((match) => match[1] ?? '');
    };
    assert.deepEqual(
      badges(data.vocabulary.docStatus),
      REQUIREMENT_RESULTS.map((result) => (result === 'NO_SCENARIO' ? 'none' : docStatus(result))),
    );
    const allFailed = Object.fromEntries(
      Object.keys(data.vocabulary.docStatus).map((status) => [status, 'failed']),
    ) as SiteData['vocabulary']['docStatus'];
    assert.deepEqual(
      badges(allFailed),
      REQUIREMENT_RESULTS.map((result) => (result === 'NO_SCENARIO' ? 'none' : 'failed')),
    );
  });
});
