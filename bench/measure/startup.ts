import path from 'node:path';
import { writeStartupCorpus } from '../corpus/startup';
import type { Plan } from '../plan';
import { compareRow, ms, type Row } from '../report/rows';
import { medianOf, runBareCucumber, runHarness, type CucumberSample } from './runners';

/**
 * 1. Start-up: the harness running one scenario against its embedded service, and bare cucumber-js
 * running one plain JS step, each started `plan.startupRuns` times, in turn.
 */
export async function benchStartup(plan: Plan, dir: string): Promise<Row[]> {
  const corpus = writeStartupCorpus(dir);
  const harness: CucumberSample[] = [];
  const bare: CucumberSample[] = [];
  // One untimed run of each first: caches (files, ts-node's, the spec's validation) as warm as in use.
  await runHarness([corpus.harnessFeature], path.join(dir, 'reports'), 1);
  await runBareCucumber(corpus.bareDir, [corpus.bareFeature], [corpus.bareSteps], 1);
  for (let run = 0; run < plan.startupRuns; run += 1) {
    harness.push(await runHarness([corpus.harnessFeature], path.join(dir, 'reports'), 1));
    bare.push(await runBareCucumber(corpus.bareDir, [corpus.bareFeature], [corpus.bareSteps], 1));
  }
  return [
    compareRow({
      id: 'startup-first-scenario',
      metric: '1. Start-up: spawn → first scenario starts',
      harness: medianOf(harness, (sample) => sample.toFirstScenarioMs),
      baseline: medianOf(bare, (sample) => sample.toFirstScenarioMs),
      format: ms,
      goal: { atMost: 1.3 },
    }),
    compareRow({
      id: 'startup-wall',
      metric: '1. Start-up: spawn → exit, one scenario',
      harness: medianOf(harness, (sample) => sample.wallMs),
      baseline: medianOf(bare, (sample) => sample.wallMs),
      format: ms,
    }),
  ];
}
