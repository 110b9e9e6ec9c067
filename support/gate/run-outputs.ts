import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
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
 *
 * Allure's results (five or six files per scenario: about 55,000 after 10,000 scenarios, seconds to
 * delete) are moved aside at once and deleted by a process of their own while the run goes on;
 * what an interrupted deletion left is deleted with them next time. Where they cannot be moved
 * aside, they are deleted here, file by file.
 */
export function clearRunOutputs(reportsDir: string): void {
  for (const name of RUN_FILES) remove(reportFile(reportsDir, name));
  const allure = reportFile(reportsDir, 'allureResults');
  // Inside the reports folder: moving the results there is a rename on one file system.
  const discarded = reportFile(reportsDir, 'discarded');
  recoverHistory(discarded, allure);
  if (fs.existsSync(allure) && !moveAside(allure, discarded)) {
    for (const name of fs.readdirSync(allure)) {
      if (name !== 'history') remove(path.join(allure, name));
    }
  }
  if (fs.existsSync(discarded)) deleteInBackground(discarded);
}

/**
 * Moves the results folder into `discarded` and its history back into a new one; false when it
 * could not, with everything where it was.
 */
function moveAside(allure: string, discarded: string): boolean {
  const aside = path.join(discarded, `${Date.now()}-${process.pid}`);
  try {
    fs.mkdirSync(discarded, { recursive: true });
    fs.renameSync(allure, aside);
  } catch {
    return false;
  }
  try {
    fs.mkdirSync(allure);
    const history = path.join(aside, 'history');
    if (fs.existsSync(history)) fs.renameSync(history, path.join(allure, 'history'));
    return true;
  } catch {
    // Put back as it was (the history must never go with the results): deleted file by file.
    fs.rmSync(allure, { recursive: true, force: true });
    fs.renameSync(aside, allure);
    return false;
  }
}

/** A history left among discarded results (a run ended between moving them and moving it back) goes back first. */
function recoverHistory(discarded: string, allure: string): void {
  if (!fs.existsSync(discarded) || fs.existsSync(path.join(allure, 'history'))) return;
  for (const entry of fs.readdirSync(discarded)) {
    const history = path.join(discarded, entry, 'history');
    if (!fs.existsSync(history)) continue;
    fs.mkdirSync(allure, { recursive: true });
    fs.renameSync(history, path.join(allure, 'history'));
    return;
  }
}

/** Deletes `dir` in a process of its own, which outlives this one if it must. */
function deleteInBackground(dir: string): void {
  const child = spawn(
    process.execPath,
    ['-e', 'require("node:fs").rmSync(process.argv[1], { recursive: true, force: true })', '--', dir],
    {
      detached: true,
      stdio: 'ignore',
      // No console window (Windows), no hold on the project's folder, none of the run's preloads.
      windowsHide: true,
      cwd: os.tmpdir(),
      env: { ...process.env, NODE_OPTIONS: '' },
    },
  );
  child.on('error', () => undefined);
  child.unref();
}
