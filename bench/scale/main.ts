/**
 * `npm run bench:scale [-- --scenarios 10000] [--out docs/SCALE.md] [--work <dir>]` — runs that
 * many generated API scenarios through the whole harness (contract checks, recording, Allure, the
 * results plugin) against the embedded service, sampling memory after a garbage collection as it
 * goes, and writes what it found: the peak, and whether memory stays flat in the second half of
 * the run beyond the results themselves.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeWholeFile } from '../../support/config/write-file';
import { writeApiCorpus } from '../corpus/api';
import { expectExit, npmCommand, REGISTER, ROOT, runNode } from '../measure/run-process';
import { describeMachine } from '../report/machine';
import {
  analyseMemory,
  wholeProcesses,
  finishTimes,
  isFlat,
  memoryReport,
  resultSizes,
  type MemoryRun,
} from './analysis';

async function main(argv: readonly string[]): Promise<void> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      scenarios: { type: 'string', default: '10000' },
      workers: { type: 'string', default: '2' },
      out: { type: 'string' },
      work: { type: 'string' },
    },
  });
  const count = Number(values.scenarios);
  if (!Number.isInteger(count) || count < 10)
    throw new Error(`--scenarios: "${values.scenarios}" is not a number ≥ 10`);
  const work = path.resolve(values.work ?? path.join(ROOT, 'reports/bench/scale'));
  const out = path.resolve(values.out ?? path.join(ROOT, 'docs/SCALE.md'));
  const corpus = writeApiCorpus(path.join(work, 'corpus'), count);
  const reportsDir = path.join(work, 'reports');
  const samplesDir = path.join(work, 'memory');
  fs.rmSync(samplesDir, { recursive: true, force: true });
  fs.mkdirSync(samplesDir, { recursive: true });
  const workers = Number(values.workers);
  process.stderr.write(`bench:scale: ${count} scenarios through the harness … `);
  const run = await runNode(
    [
      // Cucumber forks its workers with these node arguments too: each process records its own memory.
      '--expose-gc',
      '-r',
      REGISTER,
      '-r',
      path.join(__dirname, 'memory-probe.ts'),
      'support/cli/spec.ts',
      '--no-gate',
      corpus.featuresDir,
    ],
    {
      env: {
        REPORTS_DIR: reportsDir,
        SCALE_MEMORY_DIR: samplesDir,
        SCALE_SAMPLE_MS: '500',
        WORKERS: String(workers),
      },
      timeoutMs: 30 * 60_000,
    },
  );
  expectExit(run, `the harness (${count} scenarios)`);
  process.stderr.write(`${(run.wallMs / 1000).toFixed(1)} s\n`);

  const messages = path.join(reportsDir, 'messages.ndjson');
  const finished = finishTimes(messages);
  const runs = fs
    .readdirSync(samplesDir)
    .map((name) => JSON.parse(fs.readFileSync(path.join(samplesDir, name), 'utf8')) as MemoryRun);
  const processes = [...runs, ...wholeProcesses(runs)]
    .map((memory) => analyseMemory(memory, finished))
    .sort((a, b) => a.role.localeCompare(b.role));
  const sizes = resultSizes(messages, path.join(reportsDir, 'results.json'), finished.length);
  const document = memoryReport(processes, sizes, {
    command: npmCommand('bench:scale', argv),
    date: new Date().toISOString(),
    machine: describeMachine(),
    wallMs: run.wallMs,
    workers,
  });
  if (!processes.every((each) => isFlat(each, sizes))) process.exitCode = 1;
  writeWholeFile(out, document);
  console.log(document);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`bench:scale: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
