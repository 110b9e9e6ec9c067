import { Writable } from 'node:stream';
import { runCucumber, type IRunConfiguration, type IRunEnvironment } from '@cucumber/cucumber/api';
import parseTagExpression from '@cucumber/tag-expressions';
import { WorkerBrowser } from '../browser/worker-browser';
import type { HarnessConfig, ServiceConfig } from '../config/config';
import { EMBEDDED, envSuffix } from '../config/project-file';
import { UsageError, oneLine } from '../errors';
import { apiRootOf } from '../services/api-root';
import type { ServiceContract } from '../services/contracts';
import { PreflightError } from './preflight-error';
import { PlanCollector, type PlannedRun } from './planned-run';
import { serviceProblem, uncheckable } from './service-check';
import { stepProblems } from './step-checks';

type SupportCodeLibrary = Awaited<ReturnType<typeof runCucumber>>['support'];

export interface PreflightResult {
  readonly plan: PlannedRun;
  /** The step definitions the dry run loaded: the real run reuses them instead of loading twice. */
  readonly support: SupportCodeLibrary;
}

export interface PreflightInputs {
  readonly settings: HarnessConfig;
  /** Every service's contract, already loaded: a spec that cannot be read stops a run before the preflight. */
  readonly contracts: readonly ServiceContract[];
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
  contracts,
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
  problems.push(...stepProblems(plan, contracts));
  const checks = await Promise.all(
    settings.services.map((service, index) =>
      checkService(settings, service, contracts[index]!, contracts.length),
    ),
  );
  problems.push(...checks.flatMap((check) => (check ? [check] : [])));
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

/**
 * Only deployments are checked: the embedded service is started by each worker itself. A service
 * whose contract offers nothing safe to call is only asked whether its host answers, and a note
 * says so.
 */
async function checkService(
  settings: HarnessConfig,
  service: ServiceConfig,
  { contract }: ServiceContract,
  count: number,
): Promise<string | undefined> {
  if (service.baseUrl === EMBEDDED) return undefined;
  const name = count > 1 ? `${service.name} (${service.baseUrlFrom})` : service.baseUrlFrom;
  let root: URL;
  try {
    root = apiRootOf(service, contract);
  } catch (error) {
    return oneLine(error);
  }
  const note = uncheckable(contract);
  if (note) environmentNote(`${count > 1 ? `${service.name}: ` : ''}${note}`);
  const problem = await serviceProblem(root, contract, {
    waitMs: settings.healthWaitMs,
    attemptTimeoutMs: Math.min(settings.httpTimeoutMs, 5_000),
    setting: service.baseUrlFrom,
    basePathSetting: count > 1 ? `API_BASE_PATH_${envSuffix(service.name)}` : 'API_BASE_PATH',
  });
  return problem && `${name}: ${problem}`;
}

/** A line about the run that is not a problem with it. */
function environmentNote(text: string): void {
  process.stderr.write(`preflight: note: ${text}\n`);
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
