import path from 'node:path';
import { writeReportsCorpus, type ReportsCorpus } from '../corpus/reports';
import type { Plan } from '../plan';
import { mb, ms, times, type Row, type RowId } from '../report/rows';
import { loadConfig } from '../../support/config/config';
import { loadRequirements } from '../../support/trace/requirements';
import { expectExit, ROOT, runNode, tsNode } from './run-process';
import { CUCUMBER_BIN } from './runners';
import { median } from './stats';

interface SizeFigures {
  readonly size: number;
  readonly docsMs: number;
  readonly gateMs: number;
  readonly totalMs: number;
  readonly peakRssKb: number;
}

/**
 * The results of `corpus`: one fast run with the harness's results plugin and message formatter,
 * untimed, through the harness's TypeScript loader (its steps load the harness's TypeScript).
 */
async function produceResults(corpus: ReportsCorpus): Promise<void> {
  expectExit(
    // cucumber-js reads --config relative to its working folder, even an absolute path.
    await runNode(tsNode(CUCUMBER_BIN, '--config', path.relative(ROOT, corpus.runConfig)), {
      env: { REPORTS_DIR: corpus.reportsDir },
    }),
    `the fast run of ${corpus.count} scenarios`,
  );
}

interface Sample {
  readonly docsMs: number;
  readonly gateMs: number;
  readonly peakRssKb: number;
}

/** `npm run docs` and `npm run gate` once on the corpus and its results, timed, peak memory read. */
async function measureOnce(corpus: ReportsCorpus): Promise<Sample> {
  const docs = expectExit(
    await runNode(
      tsNode(
        'support/cli/docs.ts',
        '--features',
        corpus.featuresDir,
        '--out',
        corpus.docsDir,
        '--results',
        path.join(corpus.reportsDir, 'results.json'),
        '--coverage',
        path.join(corpus.reportsDir, 'contract-coverage.json'),
      ),
      { peakMemory: true },
    ),
    `npm run docs (${corpus.count} scenarios)`,
  );
  // 0 go or 1 no-go: both are verdicts; 2 would mean the results were unusable.
  const gate = expectExit(
    await runNode(tsNode('support/cli/gate.ts', '--reports', corpus.reportsDir), { peakMemory: true }),
    `npm run gate (${corpus.count} scenarios)`,
    [0, 1],
  );
  return {
    docsMs: docs.wallMs,
    gateMs: gate.wallMs,
    peakRssKb: Math.max(docs.peakRssKb ?? NaN, gate.peakRssKb ?? NaN),
  };
}

function summarise(size: number, samples: readonly Sample[]): SizeFigures {
  return {
    size,
    docsMs: median(samples.map((sample) => sample.docsMs)),
    gateMs: median(samples.map((sample) => sample.gateMs)),
    totalMs: median(samples.map((sample) => sample.docsMs + sample.gateMs)),
    peakRssKb: median(samples.map((sample) => sample.peakRssKb)),
  };
}

const SIZE_IDS: readonly RowId[] = ['reports-small', 'reports-medium', 'reports-large'];

/** Cost of 1,000 more scenarios between two sizes. */
function perThousand(from: SizeFigures, to: SizeFigures, figure: (size: SizeFigures) => number): number {
  return ((figure(to) - figure(from)) / (to.size - from.size)) * 1000;
}

function growthRow(
  id: RowId,
  what: string,
  figures: readonly SizeFigures[],
  figure: (size: SizeFigures) => number,
  format: (value: number) => string,
): Row {
  const [small, medium, large] = figures as [SizeFigures, SizeFigures, SizeFigures];
  const late = perThousand(medium, large, figure);
  const early = perThousand(small, medium, figure);
  const ratio = late / early;
  // Linear: 1,000 more scenarios cost no more later than earlier, give or take noise of 10 % of the
  // largest size's figure (small increments over a large fixed cost are noisy, even negative).
  const linear = late <= early * 1.5 || late - early <= 0.1 * figure(large);
  return {
    id,
    metric: `5. Reports: ${what} per 1,000 more scenarios, ${medium.size}→${large.size} (harness) vs ${small.size}→${medium.size} (baseline)`,
    harness: format(late),
    baseline: format(early),
    ratio: times(ratio),
    goal: '≤ 1.50× (linear)',
    met: linear ? 'yes' : 'no',
  };
}

/**
 * 5. Reports at scale: the living documentation (which renders every page as static HTML) and the
 * gate (which reads the results model the run wrote, scans the reports for secrets, and writes its files)
 * over three sizes of generated results. Time is both commands' wall time; memory the larger peak.
 */
export async function benchReports(plan: Plan, dir: string): Promise<Row[]> {
  // The catalogue the measured commands read: they run in ROOT with this environment.
  const catalog = loadRequirements(loadConfig(process.env, ROOT).requirementsFile);
  const active = catalog.requirements.filter((requirement) => requirement.status === 'active');
  const corpora: ReportsCorpus[] = [];
  for (const size of plan.reportSizes) {
    const corpus = writeReportsCorpus(
      path.join(dir, `n${size}`),
      size,
      active.map((requirement) => requirement.id),
    );
    await produceResults(corpus);
    corpora.push(corpus);
  }
  // One untimed run first (file cache, transpiled files); then the sizes in turn, so that whatever else
  // the machine does weighs on every size alike.
  await measureOnce(corpora[0]!);
  const samples = corpora.map((): Sample[] => []);
  for (let run = 0; run < plan.reportRuns; run += 1) {
    for (const [index, corpus] of corpora.entries()) samples[index]!.push(await measureOnce(corpus));
  }
  const figures = corpora.map((corpus, index) => summarise(corpus.count, samples[index]!));
  const rows = figures.map((size, index): Row => {
    const largest = index === figures.length - 1;
    return {
      id: SIZE_IDS[index]!,
      metric: `5. Reports at ${size.size.toLocaleString('en-US')} scenarios: docs + gate time, peak memory`,
      harness: `${ms(size.totalMs)} (docs ${ms(size.docsMs)}, gate ${ms(size.gateMs)}), ${mb(size.peakRssKb)}`,
      baseline: '—',
      ratio: '—',
      goal: largest ? `≤ ${ms(plan.reportsBudgetMs)}` : '—',
      met: largest ? (size.totalMs <= plan.reportsBudgetMs ? 'yes' : 'no') : '—',
    };
  });
  return [
    ...rows,
    growthRow('reports-time-growth', 'time', figures, (size) => size.totalMs, ms),
    growthRow('reports-memory-growth', 'peak memory', figures, (size) => size.peakRssKb, mb),
  ];
}
