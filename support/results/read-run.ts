import fs from 'node:fs';
import readline from 'node:readline';
import type { Envelope } from '@cucumber/messages';
import { UsageError, displayPath } from '../errors';
import { RunCollector } from './run-model';

/** Results that cannot be trusted: missing, corrupt, or from a run that never finished. */
export class UnusableResultsError extends UsageError {}

/** What the gate says of a message stream whose run never finished. */
export function unfinishedRunProblem(file: string): string {
  return `${displayPath(file)}: the run never finished (interrupted or killed): its results are incomplete`;
}

/**
 * Reads one or more messages.ndjson files (one per shard) into one run. Fails closed: a missing
 * file, a line that is not a message, a half-written last line or a run without its end are errors,
 * never a verdict.
 */
export async function readRun(files: readonly string[]): Promise<RunCollector> {
  const collector = new RunCollector();
  for (const file of files) {
    const shown = displayPath(file);
    if (!fs.existsSync(file))
      throw new UnusableResultsError(`${shown}: no results: run the features first (npm run spec)`);
    let lineNumber = 0;
    let pending: { line: string; number: number } | undefined;
    let runsStarted = 0;
    let runsFinished = 0;
    const lines = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
    const feed = (line: string, number: number, last: boolean): void => {
      let envelope: Envelope;
      try {
        envelope = JSON.parse(line) as Envelope;
      } catch {
        throw new UnusableResultsError(
          last
            ? `${shown}:${number}: the last message is cut off: the run was interrupted while writing`
            : `${shown}:${number}: not a cucumber message: the file is corrupt`,
        );
      }
      if (envelope.testRunStarted) runsStarted += 1;
      if (envelope.testRunFinished) runsFinished += 1;
      collector.update(envelope);
    };
    for await (const line of lines) {
      lineNumber += 1;
      if (line.trim() === '') continue;
      if (pending) feed(pending.line, pending.number, false);
      pending = { line, number: lineNumber };
    }
    if (pending) feed(pending.line, pending.number, true);
    if (runsStarted === 0)
      throw new UnusableResultsError(`${shown}: no run in it: the file is empty or not a message stream`);
    if (runsFinished < runsStarted) throw new UnusableResultsError(unfinishedRunProblem(file));
  }
  return collector;
}
