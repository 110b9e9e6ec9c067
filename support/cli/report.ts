/**
 * `npm run report` — builds the Allure report (reports/allure-report) from the last run's results,
 * carrying the previous report's history over so the trend graphs fill up across runs, and with
 * the scenarios that passed only on a retry flagged as flaky (also for results from elsewhere), and
 * each HTTP exchange shown as a readable request/response view beside its JSON, and — after
 * `npm run impact` — the scenarios of the operations changed since its base tagged `changed: …`.
 * Exit 0 built, 2 no results to build from (or no Java for Allure).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { config } from '../config/config';
import { enterProject } from '../config/project-dir';
import { ExitCode, UsageError, displayPath, runCommand } from '../errors';
import { reportFile } from '../report/report-files';
import { flagFlakyAttempts } from '../report/allure-metadata';
import { readAllureResults, writeChangedResults } from '../report/allure-results';
import { withExchangeViews } from '../report/exchange-view';
import { appendContractChanges, tagContractChanges } from '../impact/allure-impact';
import type { Impact } from '../impact/impact-model';
import { readImpact } from '../impact/impact-files';
import { Redactor } from '../report/redact';
import { withoutCredentialShapes } from '../report/secret-scan';
import { scrubHistory } from '../report/scrub-history';

function allureBinary(): string {
  const packageJson = require.resolve('allure-commandline/package.json');
  return path.join(
    path.dirname(packageJson),
    'dist',
    'bin',
    process.platform === 'win32' ? 'allure.bat' : 'allure',
  );
}

/**
 * The results as the report shows them, in one read and one write of each result: attempts that
 * passed on a retry flagged flaky (also for results from elsewhere), each exchange's readable view,
 * and — when `npm run impact` ran — the scenarios of the changed operations tagged.
 */
function finishResults(resultsDir: string, impact: Impact | undefined): void {
  const files = readAllureResults(resultsDir);
  flagFlakyAttempts(files);
  withExchangeViews(files, resultsDir);
  if (impact) tagContractChanges(files, impact);
  writeChangedResults(files);
  if (impact) appendContractChanges(resultsDir, impact);
}

function main(): number {
  // It takes no option: a mistyped one is said, not ignored.
  parseArgs({ args: process.argv.slice(2), options: {} });
  const settings = config();
  const reports = settings.reportsDir;
  enterProject(settings);
  const results = reportFile(reports, 'allureResults');
  const report = reportFile(reports, 'allureReport');
  const hasResults =
    fs.existsSync(results) && fs.readdirSync(results).some((name) => name.endsWith('-result.json'));
  if (!hasResults)
    throw new UsageError(`${displayPath(results)}: no Allure results: run \`npm run spec\` first`);

  finishResults(results, readImpact(reports));
  const history = path.join(report, 'history');
  // Old results' messages come back in every later report: credentials of known shapes and the
  // configured accounts' passwords are scrubbed from the history, before it is carried over and after.
  const redactor = new Redactor(settings.redact);
  for (const account of Object.values(settings.accounts)) redactor.addSecret(account.password);
  const scrub = (text: string): string => withoutCredentialShapes(redactor.text(text));
  scrubHistory(history, scrub);
  if (fs.existsSync(history)) fs.cpSync(history, path.join(results, 'history'), { recursive: true });
  scrubHistory(path.join(results, 'history'), scrub);

  // No analytics: a report must not call out to a tracking service (and closed networks refuse it).
  const run = spawnSync(allureBinary(), ['generate', results, '--clean', '-o', report], {
    encoding: 'utf8',
    env: { ...process.env, ALLURE_NO_ANALYTICS: 'true' },
  });
  if (run.error || run.status !== 0) {
    const reason = run.error?.message ?? `${run.stderr}${run.stdout}`.trim().split('\n')[0];
    throw new UsageError(`allure generate failed: ${reason} (Allure needs Java 8+ on the PATH)`);
  }
  scrubHistory(history, scrub);
  console.log(
    `Allure report: ${displayPath(path.join(report, 'index.html'))} (view it with \`npx allure open ${displayPath(report)}\`)`,
  );
  return ExitCode.ok;
}

runCommand('report', main);
