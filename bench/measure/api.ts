import path from 'node:path';
import type { ApiCorpus } from '../corpus/api';
import type { Plan } from '../plan';
import type { Row } from '../report/rows';
import { inTurn, medianRow, runBareCucumber, runHarness, withStandaloneSut } from './runners';

/**
 * 2. API scenarios: the whole harness (contract checks, recording, Allure, its reports) and the raw
 * floor (cucumber-js + supertest) on the same features, against one standalone service.
 */
export async function benchApi(plan: Plan, corpus: ApiCorpus, dir: string): Promise<Row[]> {
  const samples = await withStandaloneSut((origin) =>
    inTurn(
      plan.apiRuns,
      () =>
        runBareCucumber(corpus.floorDir, [corpus.featuresDir], [corpus.floorSteps], corpus.count, {
          BENCH_ORIGIN: origin,
        }),
      () => runHarness([corpus.featuresDir], path.join(dir, 'reports'), corpus.count, { BASE_URL: origin }),
    ),
  );
  return [
    medianRow(
      {
        id: 'api-median',
        metric: `2. API: median scenario (${corpus.count.toLocaleString('en-US')} scenarios)`,
        goal: { atMost: 1.1 },
      },
      samples,
      (sample) => sample.scenarioMedianMs,
    ),
    medianRow(
      {
        id: 'api-per-scenario',
        metric: '2. API: time per scenario, between scenarios included',
        goal: { atMost: 1.1 },
      },
      samples,
      (sample) => sample.perScenarioMs,
    ),
  ];
}
