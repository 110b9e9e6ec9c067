import fs from 'node:fs';
import path from 'node:path';
import { writeJson, writeReportFile } from '../report/write-file';
import type { Impact } from './impact-model';
import { impactMarkdown } from './impact-report';

/** The files `npm run impact` writes into the reports folder. */
export const IMPACT_FILES = { json: 'impact.json', markdown: 'impact.md' } as const;

export function writeImpact(reportsDir: string, impact: Impact): void {
  writeJson(path.join(reportsDir, IMPACT_FILES.json), impact);
  writeReportFile(path.join(reportsDir, IMPACT_FILES.markdown), impactMarkdown(impact));
}

/** The last impact written there, when one reads; else undefined. */
export function readImpact(reportsDir: string): Impact | undefined {
  try {
    const impact = JSON.parse(fs.readFileSync(path.join(reportsDir, IMPACT_FILES.json), 'utf8')) as Impact;
    return impact.schemaVersion === 1 && Array.isArray(impact.services) ? impact : undefined;
  } catch {
    return undefined;
  }
}
