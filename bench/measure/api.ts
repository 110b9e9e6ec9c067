import fs from 'node:fs';
import path from 'node:path';
import type { ApiCorpus } from '../corpus/api';
import type { Plan } from '../plan';
import type { Row, RowId } from '../report/rows';
import {
  inRotation,
  medianRow,
  runBareCucumber,
  runHarness,
  withStandaloneSut,
  type CucumberSample,
} from './runners';

/** allure-cucumberjs's own reporter, named by its file: cucumber resolves a formatter from its working folder. */
const ALLURE_REPORTER = require.resolve('allure-cucumberjs/reporter');

/**
 * The hand-rolled Allure run: the floor's steps, plus allure-cucumberjs as a team configures it
 * (its formatter, `resultsDir`, its own writer), writing a fresh results folder.
 */
async function runHandRolledAllure(corpus: ApiCorpus, origin: string): Promise<CucumberSample> {
  fs.rmSync(corpus.allureResultsDir, { recursive: true, force: true });
  const run = await runBareCucumber(
    corpus.allureDir,
    [corpus.featuresDir],
    [corpus.floorSteps],
    corpus.count,
    {
      env: { BENCH_ORIGIN: origin },
      cucumberArgs: [
        '--format',
        `${ALLURE_REPORTER}:${path.join(corpus.allureDir, 'allure.log')}`,
        '--format-options',
        JSON.stringify({ resultsDir: corpus.allureResultsDir }),
      ],
    },
  );
  // A baseline that wrote nothing would measure the wrong thing.
  const files = fs.existsSync(corpus.allureResultsDir) ? fs.readdirSync(corpus.allureResultsDir) : [];
  const results = files.filter((file) => file.endsWith('-result.json'));
  if (results.length !== corpus.count) {
    throw new Error(`allure-cucumberjs wrote ${results.length} results for ${corpus.count} scenarios`);
  }
  return run;
}

interface ApiSamples {
  readonly floor: readonly CucumberSample[];
  readonly allure: readonly CucumberSample[];
  readonly harness: readonly CucumberSample[];
}

/** The median and the per-scenario rows of the harness against one baseline. */
function rowsAgainst(
  samples: { readonly baseline: readonly CucumberSample[]; readonly harness: readonly CucumberSample[] },
  baseline: { readonly ids: readonly [RowId, RowId]; readonly name: string; readonly goal: number },
  count: number,
): Row[] {
  return [
    medianRow(
      {
        id: baseline.ids[0],
        metric: `2. API: median scenario (${count.toLocaleString('en-US')} scenarios) vs ${baseline.name}`,
        goal: { atMost: baseline.goal },
      },
      samples,
      (sample) => sample.scenarioMedianMs,
    ),
    medianRow(
      {
        id: baseline.ids[1],
        metric: `2. API: time per scenario, between scenarios included, vs ${baseline.name}`,
        goal: { atMost: baseline.goal },
      },
      samples,
      (sample) => sample.perScenarioMs,
    ),
  ];
}

/**
 * 2. API scenarios: the whole harness (contract checks, recording, Allure, its reports), the raw
 * floor (cucumber-js + supertest) and the floor with allure-cucumberjs, on the same features,
 * against one standalone service, in turn.
 */
export async function benchApi(plan: Plan, corpus: ApiCorpus, dir: string): Promise<Row[]> {
  const samples: ApiSamples = await withStandaloneSut((origin) =>
    inRotation(plan.apiRuns, {
      floor: () =>
        runBareCucumber(corpus.floorDir, [corpus.featuresDir], [corpus.floorSteps], corpus.count, {
          env: { BENCH_ORIGIN: origin },
        }),
      allure: () => runHandRolledAllure(corpus, origin),
      harness: () =>
        runHarness([corpus.featuresDir], path.join(dir, 'reports'), corpus.count, { BASE_URL: origin }),
    }),
  );
  return [
    ...rowsAgainst(
      { baseline: samples.allure, harness: samples.harness },
      {
        ids: ['api-median-allure', 'api-per-scenario-allure'],
        name: 'hand-rolled cucumber-js + supertest + Allure',
        goal: 1.0,
      },
      corpus.count,
    ),
    ...rowsAgainst(
      { baseline: samples.floor, harness: samples.harness },
      { ids: ['api-median', 'api-per-scenario'], name: 'the raw floor (cucumber-js + supertest)', goal: 1.3 },
      corpus.count,
    ),
  ];
}
