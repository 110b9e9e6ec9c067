/**
 * What must happen when a run is interrupted (SIGINT, SIGTERM) before it finishes: the results
 * collected so far are written, marked incomplete, so that they stay readable and the gate can say
 * why it cannot decide. The results plugin registers how; `npm run spec` calls it on a signal.
 */
import fs from 'node:fs';
import { oneLine } from '../errors';
import type { RunResults } from './run-model';

type Flush = () => void;

const flushes = new Set<Flush>();

export function onInterrupt(flush: Flush): () => void {
  flushes.add(flush);
  return () => flushes.delete(flush);
}

/** Writes what every registered collector has so far; one failing does not stop the others. */
export function flushInterruptedRun(): string[] {
  const problems: string[] = [];
  for (const flush of flushes) {
    try {
      flush();
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  return problems;
}

/**
 * The line for a run that cucumber could not end in order (its summary breaks on a scenario whose
 * worker died): the scenarios that started and never finished, from the results the run wrote,
 * instead of cucumber's own `TypeError`.
 */
export function abnormalEndLine(resultsFile: string, error: unknown): string {
  let lost: string[] = [];
  try {
    const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as Pick<RunResults, 'errors'>;
    lost = results.errors.filter((problem) => problem.includes('started but never finished'));
  } catch {
    // No results to name the scenario by: say what cucumber said.
  }
  if (lost.length > 0) return `a worker died during the run: ${lost.join('; ')}`;
  return `the run ended abnormally (did a worker die?): ${oneLine(error)}`;
}
