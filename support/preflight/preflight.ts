import { Writable } from 'node:stream';
import { runCucumber, type IRunConfiguration, type IRunEnvironment } from '@cucumber/cucumber/api';
import parseTagExpression from '@cucumber/tag-expressions';
import { WorkerBrowser } from '../browser/worker-browser';
import type { HarnessConfig } from '../config/config';
import type { Contract } from '../contract/load';
import { UsageError, oneLine } from '../errors';
import { PreflightError } from './preflight-error';
import { apiBaseUrlFor } from '../target';
import { PlanCollector, type PlannedRun } from './planned-run';
import { serviceProblem } from './service-check';
import { stepProblems } from './step-checks';

type SupportCodeLibrary = Awaited<ReturnType<typeof runCucumber>>['support'];

export interface PreflightResult {
  readonly plan: PlannedRun;
  /** The step definitions the dry run loaded: the real run reuses them instead of loading twice. */
  readonly support: SupportCodeLibrary;
}

export interface PreflightInputs {
  readonly settings: HarnessConfig;
  /** The contract, already loaded: a spec that cannot be read stops a run before the preflight. */
  readonly contract: Contract;
  readonly runConfiguration: IRunConfiguration;
  readonly environment: IRunEnvironment;
}

/**
 * Checks, before any scenario runs, what would otherwise fail scenario after scenario: the tag
 * expression parses; every feature file parses; some scenario is selected; no step is undefined or
 * ambiguous and the contract steps name operations and parameters the contract has (a dry run);
 * the service answers; a browser is there when UI scenarios are selected. Throws a PreflightError
 * listing every problem, one line each.
 */
export async function preflight({
  settings,
  contract,
  runConfiguration,
  environment,
}: PreflightInputs): Promise<PreflightResult> {
  checkTagExpression(runConfiguration.sources.tagExpression);

  const { plan, support } = await dryRun(runConfiguration, environment);
  const problems = plan.parseErrors.map((error) => `${error.where}: ${error.message}`);
  // A shard may be empty (more shards than scenarios); any other run that selects nothing is a mistake.
  if (problems.length === 0 && plan.scenarios.length === 0 && !runConfiguration.sources.shard) {
    problems.push('no scenario selected: the paths, tags, names or shard given match none');
  }
  problems.push(...stepProblems(plan, contract));
  const service = await checkService(settings, contract);
  if (service) problems.push(service);
  if (plan.scenarios.some((scenario) => scenario.tags.includes('@ui'))) {
    const browser = await checkBrowser(settings);
    if (browser) problems.push(browser);
  }
  if (problems.length > 0) throw new PreflightError(problems);
  return { plan, support };
}

function checkTagExpression(expression: string): void {
  if (expression.trim() === '') return;
  try {
    parseTagExpression(expression);
  } catch (error) {
    throw new UsageError(
      `--tags: "${expression}" is not a tag expression: ${oneLine(error).replace(/^\w*Error: /, '')}`,
    );
  }
}

async function dryRun(
  runConfiguration: IRunConfiguration,
  environment: IRunEnvironment,
): Promise<{ plan: PlannedRun; support: SupportCodeLibrary }> {
  const collector = new PlanCollector();
  const discard = (): Writable => new Writable({ write: (_chunk, _encoding, done) => done() });
  const { support } = await runCucumber(
    {
      ...runConfiguration,
      runtime: { ...runConfiguration.runtime, dryRun: true, parallel: 0, retry: 0 },
      formats: { stdout: 'summary', files: {}, publish: false, options: {} },
      plugins: { specifiers: [], options: {} },
    },
    { ...environment, stdout: discard(), stderr: discard() },
    (envelope) => collector.update(envelope),
  );
  return { plan: collector.plan(), support };
}

/** Only a deployment is checked: the embedded service is started by each worker itself. */
async function checkService(settings: HarnessConfig, contract: Contract): Promise<string | undefined> {
  if (!settings.baseUrl) return undefined;
  const problem = await serviceProblem(apiBaseUrlFor(settings.baseUrl, contract.basePath), contract, {
    waitMs: settings.healthWaitMs,
    attemptTimeoutMs: Math.min(settings.httpTimeoutMs, 5_000),
  });
  return problem && `BASE_URL: ${problem}`;
}

/** Launches (or connects to) the browser the UI scenarios would use, and closes it again. */
async function checkBrowser(settings: HarnessConfig): Promise<string | undefined> {
  const browser = new WorkerBrowser(settings);
  try {
    await browser.get();
    return undefined;
  } catch (error) {
    return `UI scenarios are selected but there is no browser: ${oneLine(error)}`;
  } finally {
    await browser.close().catch(() => undefined);
  }
}
