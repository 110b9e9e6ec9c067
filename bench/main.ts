/**
 * `npm run bench [-- --quick] [--out <file>] [--json <file>] [--work <dir>]` — measures the
 * harness against the raw tools, side by side, and writes docs/BENCHMARKS.md. Generates its corpora
 * under reports/bench/<mode>; runs every measurement one after the other. `--quick`: tiny sizes and
 * one run each, to check that the benchmark works (figures meaningless), written to
 * reports/bench/quick/BENCHMARKS.md unless --out says otherwise.
 */
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright';
import { chromiumArgs, findBrowser } from '../support/browser/find-browser';
import { config } from '../support/config/config';
import { displayPath } from '../support/errors';
import { writeJson } from '../support/config/write-file';
import { writeApiCorpus } from './corpus/api';
import { writeUiCorpus } from './corpus/ui';
import { benchApi } from './measure/api';
import { benchContract } from './measure/contract';
import { benchParallel } from './measure/parallel';
import { benchReports } from './measure/reports';
import { npmCommand, ROOT } from './measure/run-process';
import { benchStartup } from './measure/startup';
import { msSince } from './measure/stats';
import { benchUi } from './measure/ui';
import { FULL, QUICK } from './plan';
import { writeBenchmarkDocument } from './report/document';
import { describeMachine } from './report/machine';
import { ms, type Row } from './report/rows';
import { terminalTable } from './report/table';

async function main(argv: readonly string[]): Promise<void> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      quick: { type: 'boolean', default: false },
      out: { type: 'string' },
      json: { type: 'string' },
      work: { type: 'string' },
    },
  });
  const plan = values.quick ? QUICK : FULL;
  const work = path.resolve(values.work ?? path.join(ROOT, 'reports/bench', plan.mode));
  const out = path.resolve(
    values.out ?? (values.quick ? path.join(work, 'BENCHMARKS.md') : path.join(ROOT, 'docs/BENCHMARKS.md')),
  );
  const loadBefore = os.loadavg()[0]!;
  const started = process.hrtime.bigint();
  const rows: Row[] = [];
  const measure = async (title: string, run: () => Promise<Row[]>): Promise<void> => {
    process.stderr.write(`bench: ${title} … `);
    const begun = process.hrtime.bigint();
    rows.push(...(await run()));
    process.stderr.write(`${ms(msSince(begun))}\n`);
  };

  const browser = findBrowser('chromium', config().chromiumPath, () => chromium.executablePath());
  const api = writeApiCorpus(path.join(work, 'api'), plan.apiScenarios);
  const ui = writeUiCorpus(path.join(work, 'ui'), plan.uiScenarios, {
    executablePath: browser.executablePath,
    args: chromiumArgs(),
  });
  await measure('1. start-up', () => benchStartup(plan, path.join(work, 'startup')));
  await measure(`2. ${api.count} API scenarios`, () => benchApi(plan, api, path.join(work, 'api')));
  await measure(`3. ${ui.count} UI scenarios`, () => benchUi(plan, ui, path.join(work, 'ui')));
  await measure('4. parallel', () => benchParallel(plan, api, path.join(work, 'parallel')));
  await measure('5. reports at scale', () => benchReports(plan, path.join(work, 'reports')));
  await measure('6. contract validation', () => benchContract(plan));

  const totalMs = msSince(started);
  const run = {
    plan,
    rows,
    machine: describeMachine(),
    command: npmCommand('bench', argv),
    date: new Date().toISOString(),
    totalMs,
    load: [loadBefore, os.loadavg()[0]!] as const,
  };
  console.log(terminalTable(rows));
  console.log(`Bench wall time: ${ms(totalMs)}; written to ${displayPath(out, ROOT)}`);
  if (loadBefore > os.cpus().length) {
    console.warn(
      `bench: the machine was busy (load ${loadBefore.toFixed(1)}): the figures are not representative`,
    );
  }
  writeBenchmarkDocument(out, run);
  if (values.json) writeJson(path.resolve(values.json), run);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
