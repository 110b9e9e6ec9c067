import fs from 'node:fs';
import path from 'node:path';
import { perWorkingFolder } from '../config/project-dir';
import { reportFile } from '../report/report-files';
import type * as Reporter from 'allure-js-commons/dist/types/sdk/reporter/index';
import type { DocStatus } from '../results/status';

/**
 * allure-js-commons' own helpers, as allure-cucumberjs computes its ids with them. Its `sdk/reporter`
 * entry resolves at run time through the package's exports; this project's module resolution
 * (node10) types it only through the file the exports point at.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const reporter = require('allure-js-commons/sdk/reporter') as typeof Reporter;

/** What a product owner sees for a result (the living docs' statuses). */
type HistoryStatus = DocStatus;

/** One earlier run of a scenario, an Examples row or a requirement. */
export interface HistoryPoint {
  readonly status: HistoryStatus;
  /** When it ran (ISO 8601). */
  readonly at: string;
  /** When it ended, when known (ISO 8601): tells runs apart for a requirement. */
  readonly until?: string;
}

/** `reports/allure-report/history/history.json`: Allure's history, keyed by its historyId. */
export type AllureHistory = Readonly<
  Record<
    string,
    {
      readonly items?: readonly {
        readonly status?: string;
        readonly time?: { readonly start?: number; readonly stop?: number };
      }[];
    }
  >
>;

/** How many runs a sparkline shows. */
export const HISTORY_RUNS = 10;

const ALLURE_STATUS: Readonly<Record<string, HistoryStatus>> = {
  passed: 'passed',
  failed: 'failed',
  broken: 'failed',
  skipped: 'skipped',
  unknown: 'pending',
};

/** Allure's history file in a reports folder, when `npm run report` built one. */
export function readAllureHistory(reportsDir: string): AllureHistory | undefined {
  const file = path.join(reportFile(reportsDir, 'allureReport'), 'history', 'history.json');
  if (!fs.existsSync(file)) return undefined;
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as AllureHistory;
  } catch {
    return undefined; // A history Allure cannot read either: the docs show none.
  }
}

/** Allure's project name for the folder a command runs in: its own lookup stats the folder at every call. */
const projectNameHere = perWorkingFolder(() => reporter.getProjectName());

/**
 * Allure's historyId of a scenario or of one Examples row, computed as allure-cucumberjs does
 * (its `onTestCaseStarted`): the test case id is the md5 of `<project>:<feature path>#<scenario
 * name>` (the Gherkin name, placeholders unexpanded), and the history id adds the md5 of the row's
 * parameters (`header:value`, sorted). The same function of allure-js-commons computes the latter.
 */
export function allureHistoryId(
  uri: string,
  scenarioName: string,
  parameters: readonly { readonly name: string; readonly value: string }[] = [],
): string {
  const posixPath = reporter.getPosixPath(reporter.getRelativePath(uri));
  const projectName = projectNameHere();
  const base = projectName ? `${projectName}:${posixPath}` : posixPath;
  // It reads only these two fields of a test result.
  const identity = {
    testCaseId: reporter.md5(`${base}#${scenarioName}`),
    parameters: parameters.map((parameter) => ({ ...parameter })),
  } as Parameters<typeof reporter.getTestResultHistoryId>[0];
  return reporter.getTestResultHistoryId(identity);
}

/**
 * The key of a history id in the Allure report's `history.json`: the report (Allure 2) keys it as
 * `md5(<test case id>).<parameters hash>` where the results say `<test case id>:<parameters hash>`.
 */
export function allureHistoryKey(historyId: string): string {
  const [testCaseId = '', parametersHash = ''] = historyId.split(':');
  return `${reporter.md5(testCaseId)}.${parametersHash}`;
}

/** The last runs of one history id, oldest first (under the report's key, or the id itself). */
export function historyOf(history: AllureHistory | undefined, historyId: string): HistoryPoint[] {
  const items = history?.[allureHistoryKey(historyId)]?.items ?? history?.[historyId]?.items ?? [];
  return items
    .filter((item) => item.time?.start !== undefined)
    .map((item) => ({
      status: ALLURE_STATUS[item.status ?? ''] ?? 'pending',
      at: new Date(item.time!.start!).toISOString(),
      ...(item.time?.stop === undefined ? {} : { until: new Date(item.time.stop).toISOString() }),
      start: item.time!.start!,
    }))
    .sort((a, b) => a.start - b.start)
    .slice(-HISTORY_RUNS)
    .map(({ start: _start, ...point }) => point);
}

/** The latest run joins the history when Allure's does not hold it yet (no report since). */
export function withLatest(
  points: readonly HistoryPoint[],
  latest: HistoryPoint | undefined,
): HistoryPoint[] {
  if (!latest || latest.status === 'not-run') return [...points];
  const newest = points[points.length - 1];
  if (newest && newest.at >= latest.at) return [...points];
  return [...points, latest].slice(-HISTORY_RUNS);
}

const SEVERITY: readonly HistoryStatus[] = ['not-run', 'passed', 'skipped', 'pending', 'failed'];

/**
 * A requirement's last runs from its scenarios' histories. Allure keeps no run id, so runs are told
 * apart by time: a scenario that starts within `gapMs` of the end of the one before belongs to the
 * same run (between two runs the harness starts again, which takes longer). In each run the worst
 * result of its scenarios counts.
 */
export function combinedHistory(
  histories: readonly (readonly HistoryPoint[])[],
  gapMs = 3_000,
): HistoryPoint[] {
  const points = histories
    .flat()
    .map((point) => ({
      ...point,
      time: Date.parse(point.at),
      end: Date.parse(point.until ?? point.at),
    }))
    .sort((a, b) => a.time - b.time);
  const runs: { status: HistoryStatus; at: string; last: number }[] = [];
  for (const point of points) {
    const run = runs[runs.length - 1];
    if (run && point.time - run.last <= gapMs) {
      if (SEVERITY.indexOf(point.status) > SEVERITY.indexOf(run.status)) run.status = point.status;
      run.last = Math.max(run.last, point.end);
    } else {
      runs.push({ status: point.status, at: point.at, last: point.end });
    }
  }
  return runs.slice(-HISTORY_RUNS).map(({ status, at }) => ({ status, at }));
}
