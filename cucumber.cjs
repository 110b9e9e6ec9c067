// Cucumber profiles. `npm run spec` runs the default profile; `-- --profile <name>` picks another
// and any other cucumber option passes through (`npm run spec -- --tags @smoke`, a feature path).
// Settings come from support/config (the project file and environment variables), read there only.
// Cucumber runs in the project's folder, which may be anywhere: the harness's own files are named
// by absolute paths.
require('./support/register.cjs');
const path = require('node:path');
const { config } = require('./support/config/config.ts');
const { reportFile } = require('./support/report/report-files.ts');

const settings = config();
const reports = settings.reportsDir;
const allureResults = reportFile(reports, 'allureResults');
const {
  HARNESS_FORMATTERS: { progress: PROGRESS, progressBar: PROGRESS_BAR, allure: ALLURE },
} = require('./support/report/harness-formatters.ts');

// No `paths`: cucumber adds a profile's paths to those of the command line. `npm run spec` gives
// the project's feature folders when the command line names none.
const common = {
  requireModule: [path.join(__dirname, 'support/register.cjs')],
  require: [
    // The harness: the World, the hooks and the generic contract vocabulary, in every project.
    path.join(__dirname, 'support/cucumber/**/*.ts'),
    // The project's own step definitions.
    ...settings.stepsDirs.map((dir) => path.join(dir, '**/*.ts')),
  ],
  // Collects every scenario's result in the coordinator and writes the message stream
  // (messages.ndjson) with results, contract coverage and traceability, so that they always agree.
  plugin: [path.join(__dirname, 'support/results/plugin.cjs')],
  format: [
    // The only formatter on stdout: a progress bar on a terminal, dots in logs (in batches); both
    // print failures as people read them (support/report/console-failure.ts).
    process.stdout.isTTY ? PROGRESS_BAR : PROGRESS,
    // Allure writes its results into resultsDir; its stream output is empty. A failure's message
    // is its first line there (Allure's categories title entries with it), the trace the rest.
    `${ALLURE}:${reportFile(reports, 'allureLog')}`,
  ],
  formatOptions: {
    snippetInterface: 'async-await',
    // Snippets for undefined steps in the project's style: TypeScript, `this: ScenarioWorld`,
    // typed parameters named after their parameter types.
    snippetSyntax: path.join(__dirname, 'support/report/typed-snippets.cjs'),
    // The Allure formatter writes here from a thread of its own (support/report/allure-thread.ts);
    // the results plugin waits for it at the end of the run.
    resultsDir: allureResults,
  },
  strict: true,
  // Retries only for scenarios tagged as flaky; the gate counts those that pass on a retry.
  retry: 2,
  retryTagFilter: '@flaky',
};

module.exports = {
  default: common,
  // The minutes-long confidence check.
  smoke: { ...common, tags: '@smoke' },
  api: { ...common, tags: '@api' },
  ui: { ...common, tags: '@ui' },
  // Pipelines: plain dots and no colours, so logs stay readable.
  ci: {
    ...common,
    format: [PROGRESS, ...common.format.slice(1)],
  },
};
