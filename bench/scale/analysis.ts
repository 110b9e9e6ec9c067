import fs from 'node:fs';
import { TimeConversion, type Envelope } from '@cucumber/messages';
import type { Machine } from '../report/machine';
import type { MemorySample } from './memory-probe';

/** What one process of the run recorded (see memory-probe.ts). */
export interface MemoryRun {
  readonly role: string;
  readonly samples: readonly MemorySample[];
  readonly peakRssKb: number;
}

export interface MemoryPoint {
  /** Scenarios finished when the sample was taken. */
  readonly scenarios: number;
  readonly heapMb: number;
  readonly rssMb: number;
}

export interface MemoryAnalysis {
  readonly role: string;
  readonly scenarios: number;
  readonly peakRssMb: number;
  readonly peakHeapMb: number;
  /** Heap and resident memory at a quarter, half, three quarters and the end of the scenarios. */
  readonly points: readonly MemoryPoint[];
  /** Live heap added per scenario over the second half (least squares), in bytes. */
  readonly secondHalfBytesPerScenario: number;
  /** The growth over the whole second half, in MB. */
  readonly secondHalfGrowthMb: number;
}

/** The run's own record per scenario: what a coordinator holding the results may grow by. */
export interface ResultSizes {
  /** results.json bytes per scenario. */
  readonly resultsBytes: number;
  /** messages.ndjson bytes per scenario: every result with its attachments (the exchanges). */
  readonly messageBytes: number;
}

const MB = 1024 * 1024;

/** When each scenario finished (epoch ms, sorted), from the message stream. */
export function finishTimes(messagesFile: string): number[] {
  const finished: number[] = [];
  for (const line of fs.readFileSync(messagesFile, 'utf8').split('\n')) {
    if (!line.includes('"testCaseFinished"')) continue;
    const { testCaseFinished } = JSON.parse(line) as Envelope;
    if (testCaseFinished)
      finished.push(TimeConversion.timestampToMillisecondsSinceEpoch(testCaseFinished.timestamp));
  }
  return finished.sort((a, b) => a - b);
}

export function resultSizes(messagesFile: string, resultsFile: string, scenarios: number): ResultSizes {
  const per = (file: string): number => fs.statSync(file).size / Math.max(scenarios, 1);
  return { resultsBytes: per(resultsFile), messageBytes: per(messagesFile) };
}

const THREAD = /, thread \d+$/;

/**
 * Each process that has threads of its own (the coordinator's reporting thread) once more as a
 * whole: at every sample of its main thread, the live heap of all its threads by then (each
 * thread's latest sample) — the heap the process really holds. Resident memory is the process's.
 */
export function wholeProcesses(runs: readonly MemoryRun[]): MemoryRun[] {
  return runs
    .filter((main) => !THREAD.test(main.role))
    .flatMap((main) => {
      const threads = runs.filter((run) => run.role.replace(THREAD, '') === main.role && run !== main);
      if (threads.length === 0) return [];
      const latestHeap = (thread: MemoryRun, at: number): number =>
        thread.samples.filter((sample) => sample.at <= at).at(-1)?.heapUsed ?? 0;
      return [
        {
          role: `${main.role}, all threads`,
          peakRssKb: main.peakRssKb,
          samples: main.samples.map((sample) => ({
            ...sample,
            heapUsed:
              sample.heapUsed + threads.reduce((sum, thread) => sum + latestHeap(thread, sample.at), 0),
          })),
        },
      ];
    });
}

/** Lines one process's memory samples up with the scenarios finished by then. */
export function analyseMemory(run: MemoryRun, finished: readonly number[]): MemoryAnalysis {
  const total = finished.length;
  const doneBy = (at: number): number => {
    let low = 0;
    let high = total;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (finished[middle]! <= at) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  const points = run.samples
    .map((sample) => ({ scenarios: doneBy(sample.at), heapMb: sample.heapUsed / MB, rssMb: sample.rss / MB }))
    .filter((point) => point.scenarios > 0);
  const at = (fraction: number): MemoryPoint =>
    points.find((point) => point.scenarios >= total * fraction) ?? points[points.length - 1]!;
  const secondHalf = points.filter((point) => point.scenarios >= total / 2 && point.scenarios < total);
  const slope = leastSquaresSlope(secondHalf.map((point) => [point.scenarios, point.heapMb * MB] as const));
  return {
    role: run.role,
    scenarios: total,
    peakRssMb: run.peakRssKb / 1024,
    peakHeapMb: Math.max(...run.samples.map((sample) => sample.heapUsed)) / MB,
    points: [0.25, 0.5, 0.75, 1].map(at),
    secondHalfBytesPerScenario: slope,
    secondHalfGrowthMb: (slope * (total / 2)) / MB,
  };
}

function leastSquaresSlope(points: readonly (readonly [number, number])[]): number {
  if (points.length < 2) return 0;
  const n = points.length;
  const meanX = points.reduce((sum, [x]) => sum + x, 0) / n;
  const meanY = points.reduce((sum, [, y]) => sum + y, 0) / n;
  const covariance = points.reduce((sum, [x, y]) => sum + (x - meanX) * (y - meanY), 0);
  const variance = points.reduce((sum, [x]) => sum + (x - meanX) ** 2, 0);
  return variance === 0 ? 0 : covariance / variance;
}

/**
 * The verdict: a worker (running scenarios) must not grow beyond noise (2 MB over the second
 * half); the coordinator (collecting results) by no more than the results themselves: cucumber's
 * messages of each scenario, which its collector keeps for the end of the run, and the harness's
 * own result.
 */
export function isFlat(analysis: MemoryAnalysis, sizes: ResultSizes): boolean {
  return analysis.role.startsWith('coordinator')
    ? analysis.secondHalfBytesPerScenario <= sizes.messageBytes + sizes.resultsBytes
    : analysis.secondHalfGrowthMb <= 2;
}

/** Issue 15's goals at this scale: the coordinator's growth (all its threads) and any process's peak. */
const GOAL_BYTES_PER_SCENARIO = 2048;
const GOAL_PEAK_MB = 300;

function goalLines(processes: readonly MemoryAnalysis[]): string[] {
  const coordinator =
    processes.find((each) => each.role === 'coordinator, all threads') ??
    processes.find((each) => each.role === 'coordinator');
  const peak = Math.max(...processes.map((each) => each.peakRssMb));
  const met = (yes: boolean): string => (yes ? 'met' : '**not met** (docs/BENCHMARKS.md, finding 6)');
  const growth = coordinator?.secondHalfBytesPerScenario ?? NaN;
  const bytes = Math.round(growth);
  return [
    `- The coordinator's heap, all its threads, ${bytes < 0 ? 'shrinks' : 'grows'} by ${Math.abs(bytes)} B per scenario over the second half`,
    `  (goal ≤ ${GOAL_BYTES_PER_SCENARIO} B): ${met(growth <= GOAL_BYTES_PER_SCENARIO)}.`,
    `- The highest peak resident memory of any process: ${peak.toFixed(1)} MB (goal ≤ ${GOAL_PEAK_MB} MB): ${met(peak <= GOAL_PEAK_MB)}.`,
  ];
}

/** The findings as Markdown: the command, the machine, the figures and the verdict. */
export function memoryReport(
  processes: readonly MemoryAnalysis[],
  sizes: ResultSizes,
  context: { command: string; date: string; machine: Machine; wallMs: number; workers: number },
): string {
  const mb = (value: number): string => `${value.toFixed(1)} MB`;
  const { machine } = context;
  const scenarios = processes[0]?.scenarios ?? 0;
  return [
    '# Memory at scale',
    '',
    `Produced by \`${context.command}\` on ${context.date.slice(0, 10)}: ${machine.cpu}, ${machine.cores} cores,`,
    `${machine.memory}, Node ${machine.node}, ${machine.os}. Do not edit by hand: run the command again.`,
    '',
    `${scenarios} generated API scenarios (lookups, fresh numbers, numbers two strangers reported, health`,
    'checks) ran through the whole harness — contract checks, exchange recording, Allure, the results',
    `plugin — against the embedded service, with ${context.workers} workers, in ${(context.wallMs / 1000).toFixed(0)} s. Every process`,
    'and thread sampled its memory every half second after a garbage collection. The workers run the',
    "scenarios; the coordinator's main thread hands every message to its reporting thread",
    '(support/results/reporting-thread.ts, "thread 1"), which writes the message stream and Allure\'s',
    'results as they come and keeps the results model (results.json is written from it at the end);',
    '"all threads" is the coordinator\'s heap as a whole, each thread\'s latest sample added to the main',
    "thread's. What cucumber's collector keeps of a scenario is let go once it is no longer read:",
    'attachment bodies when their scenario ends (support/results/attachment-release.ts), attempts that',
    'passed once counted for the summary (support/report/passed-attempts.ts); allure-cucumberjs forgets',
    "pickles and test cases once it wrote their last attempt, the results model a test case's steps.",
    'Goals (issue 15): the coordinator grows by at most 2 kB per scenario, and no process peaks above',
    '300 MB.',
    '',
    '| process | scenarios finished | live heap | resident memory |',
    '| --- | ---: | ---: | ---: |',
    ...processes.flatMap((each) =>
      each.points.map(
        (point) => `| ${each.role} | ${point.scenarios} | ${mb(point.heapMb)} | ${mb(point.rssMb)} |`,
      ),
    ),
    '',
    '| process | peak resident | peak live heap | second half: growth per scenario | second half: growth | flat |',
    '| --- | ---: | ---: | ---: | ---: | :-: |',
    ...processes.map(
      (each) =>
        `| ${each.role} | ${mb(each.peakRssMb)} | ${mb(each.peakHeapMb)} | ${Math.round(each.secondHalfBytesPerScenario)} B | ${mb(each.secondHalfGrowthMb)} | ${isFlat(each, sizes) ? 'yes' : '**no**'} |`,
    ),
    '',
    ...goalLines(processes),
    '',
    `The run's own record per scenario: ${Math.round(sizes.messageBytes)} B of messages (results.json alone:`,
    `${Math.round(sizes.resultsBytes)} B). Flat means: a worker grows by at most 2 MB over the whole second half; the`,
    'coordinator by no more per scenario than the results themselves (the messages plus results.json).',
    '',
  ].join('\n');
}
