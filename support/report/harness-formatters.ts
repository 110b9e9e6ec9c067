import path from 'node:path';

/** The harness's own formatters, files cucumber loads by path (cucumber.cjs names them from here). */
export const HARNESS_FORMATTERS = {
  /** Dots in batches, then the summary and the failures as people read them (logs, CI). */
  progress: path.join(__dirname, 'progress-formatter.cjs'),
  /** Cucumber's progress bar with the same failures (a terminal). */
  progressBar: path.join(__dirname, 'progress-bar-formatter.mjs'),
  /** allure-cucumberjs on the reporting thread, its failures titled by their first line. */
  allure: path.join(__dirname, '../results/allure-formatter.cjs'),
} as const;

/** A run's formatters as cucumber's run configuration names them (`formats`). */
export interface RunFormats {
  readonly stdout?: string;
  readonly files?: Record<string, string>;
}

/** Whether every formatter of the run, on stdout and into files, is one `allowed` accepts. */
export function onlyFormatters(formats: RunFormats, allowed: (name: string) => boolean): boolean {
  return [formats.stdout ?? '', ...Object.values(formats.files ?? {})].filter(Boolean).every(allowed);
}
