import path from 'node:path';
import type { ApiCorpus } from '../corpus/api';
import type { Plan } from '../plan';
import { compareRow, ms, type Row } from '../report/rows';
import { medianOf, runBareCucumber, runHarness, type CucumberSample } from './runners';
import { startStandaloneSut } from './standalone-sut';

/**
 * 2. API scenarios: the whole harness (contract checks, recording, Allure, its reports) and the raw
 * floor (cucumber-js + supertest) on the same features, against one standalone service.
 */
export async function benchApi(plan: Plan, corpus: ApiCorpus, dir: string): Promise<Row[]> {
  const harness: CucumberSample[] = [];
  const floor: CucumberSample[] = [];
  const sut = await startStandaloneSut();
  try {
    for (let run = 0; run < plan.apiRuns; run += 1) {
      floor.push(
        await runBareCucumber(corpus.floorDir, [corpus.featuresDir], [corpus.floorSteps], corpus.count, {
          BENCH_ORIGIN: sut.origin,
        }),
      );
      harness.push(
        await runHarness([corpus.featuresDir], path.join(dir, 'reports'), corpus.count, {
          BASE_URL: sut.origin,
        }),
      );
    }
  } finally {
    await sut.stop();
  }
  return [
    compareRow({
      id: 'api-median',
      metric: `2. API: median scenario (${corpus.count.toLocaleString('en-US')} scenarios)`,
      harness: medianOf(harness, (sample) => sample.scenarioMedianMs),
      baseline: medianOf(floor, (sample) => sample.scenarioMedianMs),
      format: ms,
      goal: { atMost: 1.1 },
    }),
    compareRow({
      id: 'api-per-scenario',
      metric: '2. API: time per scenario, between scenarios included',
      harness: medianOf(harness, (sample) => sample.perScenarioMs),
      baseline: medianOf(floor, (sample) => sample.perScenarioMs),
      format: ms,
      goal: { atMost: 1.1 },
    }),
  ];
}
