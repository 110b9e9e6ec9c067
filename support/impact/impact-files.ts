import crypto from 'node:crypto';
import fs from 'node:fs';
import { reportFile } from '../report/report-files';
import { writeJson, writeWholeFile } from '../config/write-file';
import type { Impact } from './impact-model';
import { impactMarkdown } from './impact-report';

export function writeImpact(reportsDir: string, impact: Impact): void {
  writeJson(reportFile(reportsDir, 'impact'), impact);
  writeWholeFile(reportFile(reportsDir, 'impactMarkdown'), impactMarkdown(impact));
}

/** The last impact written there, when one reads; else undefined. */
export function readImpact(reportsDir: string): Impact | undefined {
  try {
    const impact = JSON.parse(fs.readFileSync(reportFile(reportsDir, 'impact'), 'utf8')) as Impact;
    return impact.schemaVersion === 1 && Array.isArray(impact.services) ? impact : undefined;
  } catch {
    return undefined;
  }
}

/** sha256 of a contract file: impact.json is stale once it changes. */
export function contractHash(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}
