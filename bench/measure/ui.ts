import path from 'node:path';
import type { UiCorpus } from '../corpus/ui';
import type { Plan } from '../plan';
import type { Row } from '../report/rows';
import { runPlaywrightBdd } from './playwright-bdd';
import { inTurn, medianRow, runHarness, withStandaloneSut } from './runners';

/**
 * 3. UI scenarios: the harness and playwright-bdd on the same features, the same Chromium and one
 * standalone service.
 */
export async function benchUi(plan: Plan, corpus: UiCorpus, dir: string): Promise<Row[]> {
  const samples = await withStandaloneSut((origin) =>
    inTurn(
      plan.uiRuns,
      () => runPlaywrightBdd(corpus, origin),
      () => runHarness([corpus.featuresDir], path.join(dir, 'reports'), corpus.count, { BASE_URL: origin }),
    ),
  );
  return [
    medianRow(
      {
        id: 'ui-median',
        metric: `3. UI: median scenario (${corpus.count.toLocaleString('en-US')} scenarios) vs playwright-bdd`,
        goal: { atMost: 1.0 },
      },
      samples,
      (sample) => sample.scenarioMedianMs,
    ),
    medianRow(
      {
        id: 'ui-per-scenario',
        metric: '3. UI: time per scenario, between scenarios included',
        goal: { atMost: 1.0 },
      },
      samples,
      (sample) => sample.perScenarioMs,
    ),
  ];
}
