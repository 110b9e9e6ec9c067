import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { scenarioRef, type Corpus } from '../../support/gherkin/corpus';
import { loadCorpus } from '../../support/gherkin/load-corpus';
import type { ExchangeSummary, RunResults, ScenarioResult } from '../../support/results/run-model';
import type { Status } from '../../support/results/status';
import type { Layer, Requirement, RequirementCatalog } from '../../support/trace/requirements';
import { buildTraceability } from '../../support/results/traceability';
import { tempDir } from '../helpers/temp';
import { scenarioResult } from '../helpers/results';

const URI = 'features/lookups.feature';

/**
 * REQ-1 must be proven at both layers and has one scenario at each; REQ-2 is an outline with two
 * rows at the API. `extra` goes before the rules (after a rule, a scenario would belong to it): the
 * place to inject a fault.
 */
function feature(extra = ''): string {
  return `Feature: Look-ups
${extra}
  @REQ-1
  Rule: A number is looked up in the app and through the API

    @api
    Scenario: Through the API
      Given a step

    @ui
    Scenario: In the web app
      Given a step

  @REQ-2 @api
  Rule: The spam level follows the reports

    Scenario Outline: <n> reports
      Given <n> reports

      Examples:
        | n |
        | 1 |
        | 2 |
`;
}

/** The features as the harness reads them, with project-relative uris. */
function corpusOf(text: string): Corpus {
  const root = tempDir('sbe-trace-');
  fs.mkdirSync(path.join(root, 'features'));
  fs.writeFileSync(path.join(root, URI), text);
  return loadCorpus([path.join(root, 'features')], root);
}

/** The `file:line` of the first line of the feature containing `text`. */
function ref(source: string, text: string): string {
  const index = source.split('\n').findIndex((line) => line.includes(text));
  assert.ok(index >= 0, `"${text}" is in the feature`);
  return `${URI}:${index + 1}`;
}

function requirement(id: string, layers: Layer[], status: Requirement['status'] = 'active'): Requirement {
  return {
    id,
    title: `Title of ${id}`,
    capability: 'Number lookup',
    priority: 'high',
    owner: 'Mei-ling',
    status,
    layers,
    acceptance: [`${id} is accepted`],
    link: `https://tracker.example/browse/${id}`,
  };
}

function catalogOf(...requirements: Requirement[]): RequirementCatalog {
  return {
    file: 'specs/requirements.yaml',
    requirements,
    get: (id) => requirements.find((candidate) => candidate.id === id),
    issueLink: (id) => id,
  };
}

const CATALOG = catalogOf(requirement('REQ-1', ['api', 'ui']), requirement('REQ-2', ['api']));

function exchange(operationId: string): ExchangeSummary {
  return {
    source: 'api',
    method: 'GET',
    path: '/x',
    status: 200,
    operationId,
    validated: true,
    undocumented: false,
    violations: [],
  };
}

function result(
  at: string,
  status: Status,
  options: { operations?: string[]; attempts?: number; flaky?: boolean } = {},
): ScenarioResult {
  const [uri = '', line = '0'] = at.split(/:(?=\d+$)/);
  return scenarioResult({
    uri,
    line: Number(line),
    feature: 'Look-ups',
    status,
    attempts: options.attempts ?? 1,
    flaky: options.flaky ?? false,
    exchanges: (options.operations ?? []).map(exchange),
  });
}

const runOf = (...scenarios: ScenarioResult[]): RunResults => ({
  complete: true,
  runs: 1,
  scenarios,
  errors: [],
});

describe('traceability', () => {
  const source = feature();
  const api = ref(source, 'Scenario: Through the API');
  const ui = ref(source, 'Scenario: In the web app');
  const row1 = ref(source, '| 1 |');
  const row2 = ref(source, '| 2 |');

  it('traces each requirement to its scenarios (file:line), their last status and the operations they exercised', () => {
    const trace = buildTraceability(
      CATALOG,
      corpusOf(source),
      runOf(
        result(api, 'PASSED', { operations: ['lookUpNumber', 'issueToken', 'lookUpNumber'] }),
        result(ui, 'PASSED', { attempts: 2, flaky: true }),
        result(row1, 'PASSED', { operations: ['reportNumber'] }),
        result(row2, 'FAILED', { operations: ['lookUpNumber'] }),
      ),
    );
    const [first, second] = trace.requirements;
    assert.deepEqual(
      first?.scenarios.map((scenario) => [scenario.ref, scenario.name, scenario.status, scenario.flaky]),
      [
        [api, 'Through the API', 'PASSED', false],
        [ui, 'In the web app', 'PASSED', true],
      ],
    );
    assert.deepEqual(first?.scenarios[0]?.operations, ['issueToken', 'lookUpNumber']);
    assert.deepEqual(first?.operations, ['issueToken', 'lookUpNumber']);
    assert.equal(first?.result, 'PASSED');
    // An outline is traced row by row, each Examples row with its own line and status.
    assert.deepEqual(
      second?.scenarios.map((scenario) => [scenario.ref, scenario.name, scenario.status]),
      [
        [row1, '1 reports', 'PASSED'],
        [row2, '2 reports', 'FAILED'],
      ],
    );
    assert.deepEqual(second?.operations, ['lookUpNumber', 'reportNumber']);
    assert.equal(second?.result, 'FAILED');
    assert.deepEqual(second?.acceptance, ['REQ-2 is accepted']);
    assert.equal(second?.link, 'https://tracker.example/browse/REQ-2');
  });

  it('maps each operation to the requirements whose scenarios exercised it', () => {
    const trace = buildTraceability(
      CATALOG,
      corpusOf(source),
      runOf(
        result(api, 'PASSED', { operations: ['lookUpNumber', 'issueToken'] }),
        result(row2, 'FAILED', { operations: ['lookUpNumber'] }),
      ),
    );
    assert.deepEqual(trace.operations, [
      { operationId: 'issueToken', requirements: ['REQ-1'] },
      { operationId: 'lookUpNumber', requirements: ['REQ-1', 'REQ-2'] },
    ]);
  });

  it('says "not run" for scenarios the run did not select or never started, and without any run', () => {
    const notStarted = result(ui, 'UNKNOWN', { attempts: 0 });
    const partly = buildTraceability(CATALOG, corpusOf(source), runOf(result(api, 'PASSED'), notStarted));
    assert.deepEqual(
      partly.requirements[0]?.scenarios.map((scenario) => scenario.status),
      ['PASSED', 'NOT_RUN'],
    );
    assert.equal(partly.requirements[0]?.result, 'NOT_RUN');
    const never = buildTraceability(CATALOG, corpusOf(source), undefined);
    assert.deepEqual(
      never.requirements.map((entry) => entry.result),
      ['NOT_RUN', 'NOT_RUN'],
    );
  });

  it('counts a layer as proven only when a scenario there passed in the run, not because it is tagged', () => {
    const never = buildTraceability(CATALOG, corpusOf(source), undefined);
    assert.deepEqual(never.requirements[0]?.layersProven, []);
    const apiOnly = buildTraceability(
      CATALOG,
      corpusOf(source),
      runOf(result(api, 'PASSED'), result(ui, 'FAILED')),
    );
    assert.deepEqual(apiOnly.requirements[0]?.layersProven, ['api']);
    assert.deepEqual(
      apiOnly.requirements[0]?.layers.map((entry) => [entry.layer, entry.required, entry.result]),
      [
        ['api', true, 'PASSED'],
        ['ui', true, 'FAILED'],
      ],
    );
    // A failed row at a layer outweighs a passed one: that layer is not proven.
    const mixed = buildTraceability(
      CATALOG,
      corpusOf(source),
      runOf(result(row1, 'PASSED'), result(row2, 'FAILED')),
    );
    assert.deepEqual(mixed.requirements[1]?.layersProven, []);
    const both = buildTraceability(
      CATALOG,
      corpusOf(source),
      runOf(result(api, 'PASSED'), result(ui, 'PASSED')),
    );
    assert.deepEqual(both.requirements[0]?.layersProven, ['api', 'ui']);
  });

  describe('flags', () => {
    /** A run in which every scenario of the features passed. */
    const allPassed = (text: string): RunResults =>
      runOf(
        ...corpusOf(text).features.flatMap((parsed) =>
          parsed.pickles.map((pickle) => result(scenarioRef(parsed, pickle), 'PASSED')),
        ),
      );

    it('are all clear for a catalogue fully proven by a passing run', () => {
      assert.deepEqual(buildTraceability(CATALOG, corpusOf(source), allPassed(source)).flags, {
        requirementsWithoutScenario: [],
        scenariosWithoutRequirement: [],
        missingLayers: [],
      });
    });

    it('flag an active requirement no scenario proves (planned and retired ones are not expected to be)', () => {
      const catalog = catalogOf(
        ...CATALOG.requirements,
        requirement('REQ-3', ['api']),
        requirement('REQ-4', ['api'], 'planned'),
        requirement('REQ-5', ['api'], 'retired'),
      );
      const trace = buildTraceability(catalog, corpusOf(source), allPassed(source));
      assert.deepEqual(trace.flags.requirementsWithoutScenario, ['REQ-3']);
      assert.equal(trace.requirements[2]?.result, 'NO_SCENARIO');
    });

    it('flag a scenario tagged with no requirement, by file:line', () => {
      const faulty = feature(`
  @api
  Scenario: Nobody asked for this
    Given a step
`);
      const trace = buildTraceability(CATALOG, corpusOf(faulty), allPassed(faulty));
      assert.deepEqual(trace.flags.scenariosWithoutRequirement, [
        ref(faulty, 'Scenario: Nobody asked for this'),
      ]);
    });

    it('flag a requirement needing both layers that the run proved at only one', () => {
      const trace = buildTraceability(
        CATALOG,
        corpusOf(source),
        runOf(result(api, 'PASSED'), result(ui, 'FAILED'), result(row1, 'PASSED'), result(row2, 'PASSED')),
      );
      assert.deepEqual(trace.flags.missingLayers, [{ id: 'REQ-1', missing: ['ui'] }]);
      const notRun = buildTraceability(
        CATALOG,
        corpusOf(source),
        runOf(result(api, 'PASSED'), result(row1, 'PASSED'), result(row2, 'PASSED')),
      );
      assert.deepEqual(notRun.flags.missingLayers, [{ id: 'REQ-1', missing: ['ui'] }]);
    });

    it('flag a requirement needing a layer no scenario is tagged with, run or not', () => {
      const catalog = catalogOf(requirement('REQ-1', ['api', 'ui']), requirement('REQ-2', ['api', 'ui']));
      assert.deepEqual(buildTraceability(catalog, corpusOf(source), undefined).flags.missingLayers, [
        { id: 'REQ-2', missing: ['api', 'ui'] },
      ]);
      assert.deepEqual(buildTraceability(catalog, corpusOf(source), allPassed(source)).flags.missingLayers, [
        { id: 'REQ-2', missing: ['ui'] },
      ]);
    });

    it('leave a requirement nothing proved yet to its result, instead of calling it short of layers', () => {
      const trace = buildTraceability(CATALOG, corpusOf(source), undefined);
      assert.deepEqual(trace.flags.missingLayers, []);
      assert.equal(trace.requirements[0]?.result, 'NOT_RUN');
    });
  });
});
