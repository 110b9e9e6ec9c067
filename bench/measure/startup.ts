import path from 'node:path';
import { writeStartupCorpus, type StartupCorpus } from '../corpus/startup';
import type { Plan } from '../plan';
import { compareRow, mb, type Row } from '../report/rows';
import { inRotation, medianOf, medianRow, runBareCucumber, runHarness, type CucumberSample } from './runners';

/**
 * The hand-rolled project run as a team runs it: cucumber-js's bin under `-r ts-node/register`
 * (transpile-only; the module named by its file, since the bench's work folder may be outside the
 * repository), its own tsconfig.json found from its folder.
 */
function runHandRolled(corpus: StartupCorpus): Promise<CucumberSample> {
  return runBareCucumber(corpus.handRolledDir, [corpus.handRolledFeature], [corpus.handRolledSteps], 1, {
    loader: require.resolve('ts-node/register'),
    env: { TS_NODE_TRANSPILE_ONLY: 'true' },
    peakMemory: true,
  });
}

/**
 * 1. Start-up: the harness running one scenario against its embedded service, the hand-rolled
 * project (cucumber-js + ts-node + supertest + express) running the same scenario, and bare
 * cucumber-js running one plain JS step, each started `plan.startupRuns` times, in turn.
 */
export async function benchStartup(plan: Plan, dir: string): Promise<Row[]> {
  const corpus = writeStartupCorpus(dir);
  // One untimed round first: caches (files, transpiled files, the contract's) as warm as in use.
  const samples = await inRotation(
    plan.startupRuns,
    {
      bare: () => runBareCucumber(corpus.bareDir, [corpus.bareFeature], [corpus.bareSteps], 1),
      handRolled: () => runHandRolled(corpus),
      harness: () =>
        runHarness([corpus.harnessFeature], path.join(dir, 'reports'), 1, {}, { peakMemory: true }),
    },
    1,
  );
  const handRolled = { baseline: samples.handRolled, harness: samples.harness };
  const wall = (sample: CucumberSample): number => sample.wallMs;
  return [
    medianRow(
      {
        id: 'startup-wall-hand-rolled',
        metric: '1. Start-up: spawn → exit, one scenario, vs hand-rolled cucumber-js + ts-node + supertest',
        goal: { atMost: 1.0 },
      },
      handRolled,
      wall,
    ),
    medianRow(
      {
        id: 'startup-wall-bare',
        metric: '1. Start-up: spawn → exit, one scenario, vs bare cucumber-js',
        goal: { atMost: 2.0 },
      },
      { baseline: samples.bare, harness: samples.harness },
      wall,
    ),
    compareRow({
      id: 'startup-memory',
      metric: '1. Start-up: peak memory, one scenario, vs hand-rolled',
      harness: medianOf(samples.harness, (sample) => sample.peakRssKb),
      baseline: medianOf(samples.handRolled, (sample) => sample.peakRssKb),
      format: mb,
      goal: { atMost: 1.25 },
    }),
    medianRow(
      { id: 'startup-first-scenario', metric: '1. Start-up: spawn → first scenario starts, vs hand-rolled' },
      handRolled,
      (sample) => sample.toFirstScenarioMs,
    ),
  ];
}
