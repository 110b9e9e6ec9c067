import path from 'node:path';
import type { UiCorpus } from '../corpus/ui';
import type { Plan } from '../plan';
import { compareRow, ms, type Row } from '../report/rows';
import { runPlaywrightBdd, type PlaywrightSample } from './playwright-bdd';
import { medianOf, runHarness, type CucumberSample } from './runners';
import { startStandaloneSut } from './standalone-sut';

/**
 * 3. UI scenarios: the harness and playwright-bdd on the same features, the same Chromium and one
 * standalone service.
 */
export async function benchUi(plan: Plan, corpus: UiCorpus, dir: string): Promise<Row[]> {
  const harness: CucumberSample[] = [];
  const playwrightBdd: PlaywrightSample[] = [];
  const sut = await startStandaloneSut();
  try {
    for (let run = 0; run < plan.uiRuns; run += 1) {
      playwrightBdd.push(await runPlaywrightBdd(corpus, sut.origin));
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
      id: 'ui-median',
      metric: `3. UI: median scenario (${corpus.count.toLocaleString('en-US')} scenarios) vs playwright-bdd`,
      harness: medianOf(harness, (sample) => sample.scenarioMedianMs),
      baseline: medianOf(playwrightBdd, (sample) => sample.scenarioMedianMs),
      format: ms,
      goal: { atMost: 1.0 },
    }),
    compareRow({
      id: 'ui-per-scenario',
      metric: '3. UI: time per scenario, between scenarios included',
      harness: medianOf(harness, (sample) => sample.perScenarioMs),
      baseline: medianOf(playwrightBdd, (sample) => sample.perScenarioMs),
      format: ms,
      goal: { atMost: 1.0 },
    }),
  ];
}
