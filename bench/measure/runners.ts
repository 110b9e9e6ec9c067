import fs from 'node:fs';
import path from 'node:path';
import { startStandaloneSut } from '../../sut/standalone';
import { compareRow, ms, type Goal, type Row, type RowId } from '../report/rows';
import { readRunTimings, type RunTimings } from './messages';
import { expectExit, runNode, tsNode, type ProcessRun } from './run-process';
import { median } from './stats';

/** One measured run of cucumber, the harness's or a bare one. */
export interface CucumberSample {
  /** Spawn → first testCaseStarted. */
  readonly toFirstScenarioMs: number;
  /** Spawn → exit. */
  readonly wallMs: number;
  /** testRunStarted → testRunFinished. */
  readonly runMs: number;
  /** Median of the scenarios' durations (their steps and hooks). */
  readonly scenarioMedianMs: number;
  /** First scenario's start → last scenario's end, per scenario: what a scenario really costs. */
  readonly perScenarioMs: number;
  /** Peak resident memory (kB), when it was asked for; NaN otherwise. */
  readonly peakRssKb: number;
}

function sample(run: ProcessRun, timings: RunTimings): CucumberSample {
  return {
    toFirstScenarioMs: timings.firstScenarioAtMs - run.spawnedAtMs,
    wallMs: run.wallMs,
    runMs: timings.runMs,
    scenarioMedianMs: median(timings.scenarioMs),
    perScenarioMs: timings.scenariosSpanMs / timings.scenarioMs.length,
    peakRssKb: run.peakRssKb ?? NaN,
  };
}

/**
 * `npm run spec -- --no-gate <paths>` (run as `node -r ./support/register.cjs support/cli/spec.ts`, npm's
 * own start-up left out): the whole harness, contract checks, recording, Allure and its reports.
 */
export async function runHarness(
  paths: readonly string[],
  reportsDir: string,
  scenarios: number,
  env: NodeJS.ProcessEnv = {},
  options: { readonly peakMemory?: boolean } = {},
): Promise<CucumberSample> {
  fs.rmSync(reportsDir, { recursive: true, force: true });
  const run = await runNode(tsNode('support/cli/spec.ts', '--no-gate', ...paths), {
    env: { ...env, REPORTS_DIR: reportsDir },
    ...options,
  });
  expectExit(run, `the harness (${paths.join(' ')})`);
  return sample(run, readRunTimings(path.join(reportsDir, 'messages.ndjson'), scenarios));
}

/** cucumber-js's own command (`npx cucumber-js`). */
export const CUCUMBER_BIN = path.join(
  path.dirname(require.resolve('@cucumber/cucumber/package.json')),
  'bin/cucumber.js',
);

/** How a bare cucumber-js run differs from the plainest one. */
export interface BareOptions {
  readonly env?: NodeJS.ProcessEnv;
  /** A module preloaded with `node -r` before cucumber-js: a TypeScript loader, for TypeScript steps. */
  readonly loader?: string;
  /** More cucumber-js options after the message formatter: other formatters, their options. */
  readonly cucumberArgs?: readonly string[];
  /** Read the peak resident memory (needs a `loader`). */
  readonly peakMemory?: boolean;
}

/**
 * Plain cucumber-js in a folder without a cucumber config, with the given step files and the
 * message formatter to a file (the measuring instrument) as its only output unless told otherwise.
 */
export async function runBareCucumber(
  cwd: string,
  paths: readonly string[],
  steps: readonly string[],
  scenarios: number,
  options: BareOptions = {},
): Promise<CucumberSample> {
  const messages = path.join(cwd, 'messages.ndjson');
  fs.rmSync(messages, { force: true });
  const run = await runNode(
    [
      ...(options.loader === undefined ? [] : ['-r', options.loader]),
      CUCUMBER_BIN,
      ...paths,
      ...steps.flatMap((file) => ['--require', file]),
      '--format',
      `message:${messages}`,
      ...(options.cucumberArgs ?? []),
    ],
    { cwd, env: options.env ?? {}, peakMemory: options.peakMemory ?? false },
  );
  expectExit(run, `bare cucumber-js (${paths.join(' ')})`);
  return sample(run, readRunTimings(messages, scenarios));
}

/**
 * `runs` rounds of every runner, in turn, after `warmUps` untimed rounds: whatever else the machine
 * does weighs on all alike. Each round starts one runner further on (the first round in the order
 * given), so that none always runs first or after the same one: the service a run leaves (its
 * accounts and reports) and the machine's warmth weigh on each alike too. The samples of each, by
 * its name.
 */
export async function inRotation<K extends string, S>(
  runs: number,
  runners: Readonly<Record<K, () => Promise<S>>>,
  warmUps = 0,
): Promise<Record<K, S[]>> {
  const names = Object.keys(runners) as K[];
  for (let run = 0; run < warmUps; run += 1) {
    for (const name of names) await runners[name]();
  }
  const samples = Object.fromEntries(names.map((name) => [name, [] as S[]])) as Record<K, S[]>;
  for (let run = 0; run < runs; run += 1) {
    const turn = run % names.length;
    for (const name of [...names.slice(turn), ...names.slice(0, turn)])
      samples[name].push(await runners[name]());
  }
  return samples;
}

/** `runs` runs of the baseline and of the harness, in turn (the baseline first in the first round), after `warmUps` untimed runs. */
export function inTurn<B, H>(
  runs: number,
  baseline: () => Promise<B>,
  harness: () => Promise<H>,
  warmUps = 0,
): Promise<{ baseline: B[]; harness: H[] }> {
  return inRotation<'baseline' | 'harness', B | H>(runs, { baseline, harness }, warmUps) as Promise<{
    baseline: B[];
    harness: H[];
  }>;
}

/**
 * `use` with the caller-ID service on its own (`npm run sut`) on a free port: one service that the
 * harness (through BASE_URL) and the baseline both target, so they measure against the same. Its
 * start-up is never timed. Stopped afterwards, whatever happens.
 */
export async function withStandaloneSut<T>(use: (origin: string) => Promise<T>): Promise<T> {
  const sut = await startStandaloneSut();
  try {
    return await use(sut.origin);
  } finally {
    await sut.stop();
  }
}

/** The median of one figure over repeated samples. */
export function medianOf<T>(samples: readonly T[], figure: (sample: T) => number): number {
  return median(samples.map(figure));
}

/** A row comparing the median of one figure (ms) over the harness's samples with the baseline's. */
export function medianRow<B, H>(
  row: { readonly id: RowId; readonly metric: string; readonly goal?: Goal },
  samples: { readonly baseline: readonly B[]; readonly harness: readonly H[] },
  figure: (sample: B | H) => number,
): Row {
  return compareRow({
    ...row,
    harness: medianOf(samples.harness, figure),
    baseline: medianOf(samples.baseline, figure),
    format: ms,
  });
}
