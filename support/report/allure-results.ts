import fs from 'node:fs';
import path from 'node:path';
import { writeJson } from '../config/write-file';

/** An attachment of an Allure result or step. */
export interface AllureAttachment {
  readonly name: string;
  readonly source: string;
  readonly type?: string;
}

/** A step of an Allure result: its attachments and its own steps. */
export interface AllureStep {
  attachments?: AllureAttachment[];
  steps?: AllureStep[];
}

/** The fields of an Allure result the passes read or change; a file keeps every other field. */
export interface AllureResult extends AllureStep {
  historyId?: string;
  testCaseId?: string;
  status?: string;
  start?: number;
  statusDetails?: { flaky?: boolean };
  labels?: { readonly name: string; readonly value: string }[];
}

/**
 * One Allure result file (`*-result.json`), parsed: what the passes that finish the results before a
 * report (flaky attempts, exchange views, changed operations) read and change. A pass that changes
 * `result` sets `changed`; the file is written once, after every pass.
 */
export interface AllureResultFile {
  readonly file: string;
  result: AllureResult;
  changed: boolean;
}

/** Every result file of the folder, parsed once. An unreadable one is left for Allure to report. */
export function readAllureResults(resultsDir: string): AllureResultFile[] {
  return allureResultFiles(resultsDir).flatMap((file) => {
    const result = readAllureResult(file);
    return result ? [{ file, result, changed: false }] : [];
  });
}

/** The result files (`*-result.json`) of the folder, by path; none when there is no folder. */
export function allureResultFiles(resultsDir: string): string[] {
  if (!fs.existsSync(resultsDir)) return [];
  return fs
    .readdirSync(resultsDir)
    .filter((name) => name.endsWith('-result.json'))
    .map((name) => path.join(resultsDir, name));
}

/** One result file, parsed; undefined when it cannot be read. */
export function readAllureResult(file: string): AllureResult | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as AllureResult;
  } catch {
    return undefined;
  }
}

/** Writes the results a pass changed. */
export function writeChangedResults(files: readonly AllureResultFile[]): void {
  for (const each of files) if (each.changed) writeJson(each.file, each.result);
}

/** Reads the folder's results, runs `pass` on them and writes what it changed: one pass on its own. */
export function updateAllureResults(
  resultsDir: string,
  pass: (files: readonly AllureResultFile[]) => number,
): number {
  const files = readAllureResults(resultsDir);
  const count = pass(files);
  writeChangedResults(files);
  return count;
}
