import fs from 'node:fs';
import path from 'node:path';
import type { UiCorpus } from '../corpus/ui';
import { expectExit, ROOT, runNode } from './run-process';
import { median } from './stats';

const BDDGEN_BIN = path.join(
  path.dirname(require.resolve('playwright-bdd/package.json')),
  'dist/cli/index.js',
);
const PLAYWRIGHT_BIN = require.resolve('@playwright/test/cli');

export interface PlaywrightSample {
  /** `npx bddgen && npx playwright test`, spawn → exit. */
  readonly wallMs: number;
  /** Median of the tests' durations (fixtures and hooks included). */
  readonly scenarioMedianMs: number;
  /** First test's start → last test's end, per test. */
  readonly perScenarioMs: number;
}

interface JsonResult {
  readonly status: string;
  readonly duration: number;
  readonly startTime: string;
  readonly error?: { readonly message?: string };
}
interface JsonSuite {
  readonly suites?: readonly JsonSuite[];
  readonly specs?: readonly { readonly tests: readonly { readonly results: readonly JsonResult[] }[] }[];
}

function results(suite: JsonSuite): JsonResult[] {
  return [
    ...(suite.specs ?? []).flatMap((spec) => spec.tests.flatMap((test) => test.results)),
    ...(suite.suites ?? []).flatMap(results),
  ];
}

/** playwright-bdd's usual two commands on the corpus, against `origin`. */
export async function runPlaywrightBdd(corpus: UiCorpus, origin: string): Promise<PlaywrightSample> {
  fs.rmSync(corpus.playwrightResults, { force: true });
  // The test files playwright-bdd generates import "playwright-bdd" by name, from wherever the corpus is.
  const env = { BENCH_ORIGIN: origin, CI: 'true', NODE_PATH: path.join(ROOT, 'node_modules') };
  const generate = expectExit(
    await runNode([BDDGEN_BIN, '-c', corpus.playwrightConfig], { env }),
    'playwright-bdd (bddgen)',
  );
  const test = expectExit(
    await runNode([PLAYWRIGHT_BIN, 'test', '-c', corpus.playwrightConfig], { env }),
    'playwright-bdd (playwright test)',
  );
  const report = JSON.parse(fs.readFileSync(corpus.playwrightResults, 'utf8')) as { suites: JsonSuite[] };
  const all = report.suites.flatMap(results);
  const failed = all.find((result) => result.status !== 'passed');
  if (failed) throw new Error(`playwright-bdd: a test ${failed.status}: ${failed.error?.message ?? ''}`);
  if (all.length !== corpus.count)
    throw new Error(`playwright-bdd ran ${all.length} tests, expected ${corpus.count}`);
  const starts = all.map((result) => Date.parse(result.startTime));
  const ends = all.map((result) => Date.parse(result.startTime) + result.duration);
  return {
    wallMs: generate.wallMs + test.wallMs,
    scenarioMedianMs: median(all.map((result) => result.duration)),
    perScenarioMs: (Math.max(...ends) - Math.min(...starts)) / all.length,
  };
}
