import fs from 'node:fs';
import path from 'node:path';
import { reportFile, type ReportFile } from '../report/report-files';

/** What a run derives from its message stream: stale copies would pass for this run's results. */
const DERIVED_REPORTS: readonly ReportFile[] = ['results', 'coverage', 'coverageMarkdown', 'traceability'];

/** The verdict files the gate writes. */
export const VERDICT_FILES: readonly ReportFile[] = ['gate', 'junit', 'summary'];

/** Everything one run writes into its reports folder (Allure's results but not their history). */
const RUN_FILES: readonly ReportFile[] = ['messages', 'allureLog', ...DERIVED_REPORTS, ...VERDICT_FILES];

function remove(file: string): void {
  fs.rmSync(file, { recursive: true, force: true });
}

/** Removes the files derived from a run's results, so a verdict never sits beside stale ones. */
export function removeDerivedReports(reportsDir: string): void {
  for (const name of DERIVED_REPORTS) remove(reportFile(reportsDir, name));
}

/**
 * Clears a reports folder of the previous run's outputs before a new run writes there, so nothing
 * of an older run mixes in. Allure's history (carried over by `npm run report`) stays, and so do
 * the built reports (allure-report holds the history for the next one) and anything not a run's.
 */
export function clearRunOutputs(reportsDir: string): void {
  for (const name of RUN_FILES) remove(reportFile(reportsDir, name));
  const allure = reportFile(reportsDir, 'allureResults');
  if (!fs.existsSync(allure)) return;
  for (const name of fs.readdirSync(allure)) {
    if (name !== 'history') remove(path.join(allure, name));
  }
}
