import path from 'node:path';
import type { ApiCorpus } from '../corpus/api';
import type { Plan } from '../plan';
import { compareRow, ms, type Row } from '../report/rows';
import { inTurn, medianOf, runHarness } from './runners';

/**
 * 4. Parallel: the API corpus with one worker and with two (WORKERS=2), each worker with its own
 * embedded service, as `WORKERS=2 npm run spec` runs. Speed-up = wall time of 1 ÷ wall time of 2.
 */
export async function benchParallel(plan: Plan, corpus: ApiCorpus, dir: string): Promise<Row[]> {
  const workers = (count: number) => () =>
    runHarness([corpus.featuresDir], path.join(dir, 'reports'), corpus.count, { WORKERS: String(count) });
  const { baseline: one, harness: two } = await inTurn(plan.parallelRuns, workers(1), workers(2));
  const wallOne = medianOf(one, (sample) => sample.wallMs);
  const wallTwo = medianOf(two, (sample) => sample.wallMs);
  return [
    compareRow({
      id: 'parallel-speed-up',
      metric: `4. Parallel: wall time, 2 workers (harness) vs 1 (baseline), ${corpus.count.toLocaleString('en-US')} API scenarios`,
      harness: wallTwo,
      baseline: wallOne,
      ratio: wallOne / wallTwo,
      format: ms,
      goal: { atLeast: 1.3 },
    }),
  ];
}
