import path from 'node:path';

/**
 * The name of every file the commands write into the reports folder (a run, the gate, `merge`,
 * `impact`, `report`, `docs`): the writers, the readers and the clean-up at the start of a run
 * read them here, so a new report cannot be forgotten.
 */
export const REPORT_FILES = {
  /** Cucumber's message stream, the raw record every other report is built from. */
  messages: 'messages.ndjson',
  /** allure-cucumberjs's stream output (empty: it writes into allureResults). */
  allureLog: '.allure-formatter.log',
  allureResults: 'allure-results',
  results: 'results.json',
  coverage: 'contract-coverage.json',
  coverageMarkdown: 'contract-coverage.md',
  traceability: 'traceability.json',
  gate: 'gate.json',
  junit: 'junit.xml',
  summary: 'summary.md',
  /** `npm run impact`: what changed in the contracts since a base. */
  impact: 'impact.json',
  impactMarkdown: 'impact.md',
  /** `npm run report`: the Allure report, its history carried from one report to the next. */
  allureReport: 'allure-report',
  /** `npm run docs`: the living documentation. */
  livingDocs: 'living-docs',
  /**
   * An earlier run's Allure results, moved aside at the start of a run and deleted in the
   * background: hidden, and skipped by the report scanner.
   */
  discarded: '.discarded',
} as const;

export type ReportFile = keyof typeof REPORT_FILES;

export function reportFile(reportsDir: string, name: ReportFile): string {
  return path.join(reportsDir, REPORT_FILES[name]);
}
