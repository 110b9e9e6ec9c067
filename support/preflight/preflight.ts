import { Writable } from 'node:stream';
import {
  loadSources,
  runCucumber,
  type IRunConfiguration,
  type IRunEnvironment,
} from '@cucumber/cucumber/api';
import parseTagExpression from '@cucumber/tag-expressions';
import { WorkerBrowser } from '../browser/worker-browser';
import type { HarnessConfig, ServiceConfig } from '../config/config';
import { EMBEDDED, envSuffix } from '../config/project-file';
import { ExitCode, UsageError, oneLine } from '../errors';
import { narrowing } from '../results/run-selection';
import { formatFinding, lintFeatures } from '../lint/feature-rules';
import { apiRootOf } from '../services/api-root';
import type { ServiceContract } from '../services/contracts';
import { PreflightError } from './preflight-error';
import { PlanCollector, type PlannedRun } from './planned-run';
import { serviceProblem, uncheckable } from './service-check';
import { stepProblems } from './step-checks';
import { loadRequirements, type RequirementCatalog } from '../trace/requirements';

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
 * expression parses; every feature file parses; some scenario is selected; every requirement a
 * selected scenario is tagged with is in the catalogue; no step is undefined or
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

  const { plan, support, selected } = await dryRun(runConfiguration, environment);
  const problems = await planProblems({ settings, contracts, runConfiguration, environment }, plan, selected);
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

/**
 * `npm run spec -- --dry-run`: cucumber's dry run with the formatter asked for (`--format snippets`
 * gives snippets for undefined steps), and nothing else. It runs no scenario, so it is never a
 * verdict: no gate, no report written, the last run's reports/ left as they are. Exit 0 when a run
 * of the same selection would start; 2 with one line per problem when its preflight would stop it
 * (a feature that does not parse, nothing selected, an undefined or ambiguous step, a contract step
 * naming what the contract lacks, an unknown requirement). The service and the browser are not asked.
 */
export async function dryRunOnly(inputs: PreflightInputs): Promise<number> {
  const { runConfiguration, environment } = inputs;
  checkTagExpression(runConfiguration.sources.tagExpression);
  const { plan, selected } = await dryRun(runConfiguration, environment, 'shown');
  const problems = await planProblems(inputs, plan, selected);
  const scenarios = `${plan.scenarios.length} scenario(s)`;
  if (problems.length > 0) {
    for (const line of new PreflightError(problems).lines())
      console.error(line.replace(/^preflight/, 'dry run'));
    console.error(
      `dry run: ${scenarios}; a run of this selection would stop before its first scenario (exit 2)`,
    );
    return ExitCode.unusable;
  }
  console.error(
    `dry run: ${scenarios} would run, every step has its definition; nothing ran, so no verdict (reports left as they were)`,
  );
  return ExitCode.ok;
}

/**
 * What a dry run alone tells about a run: feature files that do not parse; a selection that
 * matches nothing in the whole suite (a shard may be empty only when the others are not); a
 * scenario tagged with a requirement the catalogue does not have; undefined or ambiguous steps and
 * contract steps naming what the contract does not have.
 */
async function planProblems(
  { settings, contracts, runConfiguration, environment }: PreflightInputs,
  plan: PlannedRun,
  selected: ReturnType<PlanCollector['selectedFeatures']>,
): Promise<string[]> {
  const problems = plan.parseErrors.map((error) => `${error.where}: ${error.message}`);
  if (problems.length === 0 && plan.scenarios.length === 0) {
    const nothing = await emptySelection(runConfiguration, environment, settings.featuresDirs);
    if (nothing) problems.push(nothing);
  }
  problems.push(...unknownRequirements(selected, loadRequirements(settings.requirementsFile)));
  problems.push(...stepProblems(plan, contracts));
  return problems;
}

/**
 * Says what matched nothing when a run selects no scenario — unless it is a shard of a selection
 * that other shards have scenarios of (more shards than scenarios).
 */
async function emptySelection(
  runConfiguration: IRunConfiguration,
  environment: IRunEnvironment,
  featuresDirs: readonly string[],
): Promise<string | undefined> {
  const { sources } = runConfiguration;
  if (sources.shard) {
    const { plan } = await loadSources({ ...sources, shard: undefined }, environment);
    if (plan.length > 0) return undefined;
  }
  const narrowed = narrowing({ ...sources, shard: undefined }, featuresDirs, environment.cwd);
  if (narrowed.length === 0) return 'no scenario selected: the feature folders hold no scenario';
  const shard = sources.shard ? ` (neither in shard ${sources.shard} nor in any other)` : '';
  return `no scenario selected: the run is narrowed by ${narrowed.join(', ')}, and no scenario of the whole suite matches${shard}`;
}

/** A selected scenario tagged with a requirement the catalogue lacks: the feature lint's own rule. */
function unknownRequirements(
  { corpus, tagLines }: ReturnType<PlanCollector['selectedFeatures']>,
  catalog: RequirementCatalog,
): string[] {
  return lintFeatures(corpus, catalog)
    .filter((finding) => finding.rule === 'unknown-requirement')
    .filter((finding) => tagLines.has(`${finding.uri}:${finding.line}`))
    .map((finding) => formatFinding(finding));
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

/**
 * Cucumber's dry run of the selection, for its plan and its step definitions. Its formatter's output
 * is discarded, or `shown` (`--dry-run --format snippets`): only the formatter on stdout either
 * way — no message stream, no Allure results, no results plugin.
 */
async function dryRun(
  runConfiguration: IRunConfiguration,
  environment: IRunEnvironment,
  formatter: 'discarded' | 'shown' = 'discarded',
): Promise<{
  plan: PlannedRun;
  support: SupportCodeLibrary;
  selected: ReturnType<PlanCollector['selectedFeatures']>;
}> {
  const collector = new PlanCollector();
  const shown = formatter === 'shown';
  const discard = (): Writable => new Writable({ write: (_chunk, _encoding, done) => done() });
  const { support } = await runCucumber(
    {
      ...runConfiguration,
      runtime: { ...runConfiguration.runtime, dryRun: true, parallel: 0, retry: 0 },
      formats: shown
        ? { ...runConfiguration.formats, files: {}, publish: false }
        : { stdout: 'summary', files: {}, publish: false, options: {} },
      plugins: { specifiers: [], options: {} },
    },
    shown ? environment : { ...environment, stdout: discard(), stderr: discard() },
    (envelope) => collector.update(envelope),
  );
  return { plan: collector.plan(), support, selected: collector.selectedFeatures() };
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
