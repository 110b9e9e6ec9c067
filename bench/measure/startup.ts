import path from 'node:path';
import { writeStartupCorpus } from '../corpus/startup';
import type { Plan } from '../plan';
import type { Row } from '../report/rows';
import { inTurn, medianRow, runBareCucumber, runHarness } from './runners';

/**
 * 1. Start-up: the harness running one scenario against its embedded service, and bare cucumber-js
 * running one plain JS step, each started `plan.startupRuns` times, in turn.
 */
export async function benchStartup(plan: Plan, dir: string): Promise<Row[]> {
  const corpus = writeStartupCorpus(dir);
  // One untimed run of each first: caches (files, ts-node's, the spec's validation) as warm as in use.
  const samples = await inTurn(
    plan.startupRuns,
    () => runBareCucumber(corpus.bareDir, [corpus.bareFeature], [corpus.bareSteps], 1),
    () => runHarness([corpus.harnessFeature], path.join(dir, 'reports'), 1),
    1,
  );
  return [
    medianRow(
      {
        id: 'startup-first-scenario',
        metric: '1. Start-up: spawn → first scenario starts',
        goal: { atMost: 1.3 },
      },
      samples,
      (sample) => sample.toFirstScenarioMs,
    ),
    medianRow(
      { id: 'startup-wall', metric: '1. Start-up: spawn → exit, one scenario' },
      samples,
      (sample) => sample.wallMs,
    ),
  ];
}
