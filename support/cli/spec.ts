/**
 * `npm run spec [-- <cucumber options>] [--no-gate] [--gate-policy <name>] [--affected-by <base>]` —
 * runs the features (with --affected-by, only those the contract's changes since the base touch,
 * plus every @critical one: see support/impact/affected-run)
 * against the embedded service (or BASE_URL), then the release gate on the results: `release` for
 * the full suite, `partial` for a run narrowed by paths, tags, names or a shard (see choose-policy).
 * Exit 0 go (or, with --no-gate, every scenario passed), 1 no-go (scenarios failed), 2 the run
 * cannot be trusted: bad configuration, a broken spec or feature file, unusable results.
 */
import path from 'node:path';
import type { IRunConfiguration, IRunEnvironment, runCucumber as RunCucumber } from '@cucumber/cucumber/api';
import { config, type HarnessConfig } from '../config/config';
import { headCommit } from '../config/head-commit';
import { HARNESS_ROOT, enterProject } from '../config/project-dir';
import { ExitCode, UsageError, runCommand } from '../errors';
import { choiceLine, choosePolicy } from '../gate/choose-policy';
import { clearRunOutputs } from '../gate/run-outputs';
import { checkFeaturePaths, checkNamePatterns, parseCucumberArguments } from '../preflight/command-line';
import { reportFile } from '../report/report-files';
import { abnormalEndLine, flushInterruptedRun } from '../results/interruption';
import { unfinishedRunProblem } from '../results/read-run';
import { flattenRandomUuids } from '../results/flat-ids';
import { reportsWritten } from '../results/reporting-thread';
import { keepRelayHeapSmall } from '../results/relay-heap';
import { RUN_IDENTITY_OPTION, runIdentity } from '../results/run-identity';
import { mayReleaseAttachments } from '../results/attachment-release';
import { HARNESS_FORMATTERS } from '../report/harness-formatters';
import {
  FORGET_PASSED_ATTEMPTS,
  HARNESS_FORGETTING_FORMATTERS,
  mayForgetPassedAttempts,
} from '../report/passed-attempts';
import type { ResultsPluginOptions } from '../results/plugin';
import { loadServiceContracts } from '../services/contracts';
import { loadRequirements } from '../trace/requirements';

interface OwnOptions {
  readonly gate: boolean;
  readonly gatePolicy: string | undefined;
  /** `--affected-by <base>`: only the scenarios the contract's changes since the base touch. */
  readonly affectedBy?: string | undefined;
  readonly cucumberArgs: string[];
}

/** Takes the harness's own flags out; everything else is cucumber's. */
export function splitArguments(argv: readonly string[]): OwnOptions {
  const cucumberArgs: string[] = [];
  let gate = true;
  let gatePolicy: string | undefined;
  let affectedBy: string | undefined;
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]!;
    if (arg === '--no-gate') gate = false;
    else if (arg === '--affected-by' || arg.startsWith('--affected-by=')) {
      affectedBy = arg === '--affected-by' ? argv[++index] : arg.slice('--affected-by='.length);
      if (!affectedBy || affectedBy.startsWith('-'))
        throw new UsageError('--affected-by needs a git ref or a contract file (e.g. --affected-by main)');
    } else if (arg === '--gate-policy' || arg.startsWith('--gate-policy=')) {
      gatePolicy = arg === '--gate-policy' ? argv[++index] : arg.slice('--gate-policy='.length);
      if (!gatePolicy || gatePolicy.startsWith('-'))
        throw new UsageError(
          '--gate-policy needs the name of a policy in the gate file (e.g. --gate-policy release)',
        );
    } else cucumberArgs.push(arg);
  }
  return { gate, gatePolicy, affectedBy, cucumberArgs };
}

/**
 * Feature paths as cucumber runs them, in the project's folder: those given on the command line
 * (relative to where the command started), else the project's feature folders — the full suite.
 */
export function featurePaths(
  given: readonly string[] | undefined,
  featuresDirs: readonly string[],
): string[] {
  if (!given || given.length === 0) return [...featuresDirs];
  return given.map((entry) => {
    const lines = /(:\d+)+$/.exec(entry)?.[0] ?? '';
    return path.resolve(entry.slice(0, entry.length - lines.length)) + lines;
  });
}

type SupportCodeLibrary = Awaited<ReturnType<typeof RunCucumber>>['support'];

/** Cucumber's configuration for this run, and where it runs. */
interface CucumberRun {
  readonly profiles: string[];
  readonly runConfiguration: IRunConfiguration;
  readonly environment: IRunEnvironment;
}

/**
 * Cucumber's configuration from the command line (with the paths `--affected-by` chose), the
 * harness's defaults and the project's folders; none when `--affected-by` leaves nothing to run.
 * From here on the process works in the project's folder.
 */
async function cucumberRun(settings: HarnessConfig, own: OwnOptions): Promise<CucumberRun | undefined> {
  const { loadConfiguration } = await import('@cucumber/cucumber/api');
  const affected = own.affectedBy
    ? await (await import('../impact/affected-run')).affectedPaths(settings, own.affectedBy, console.log)
    : [];
  if (own.affectedBy && affected.length === 0) return undefined;
  const parsed = await parseCucumberArguments([...own.cucumberArgs, ...affected]);
  checkFeaturePaths(parsed.paths);
  // The harness's defaults go first: an option the command line gives wins (cucumber takes the last).
  const given = (option: string): boolean =>
    parsed.options.some((arg) => arg === option || arg.startsWith(`${option}=`));
  if (settings.workersChosen && !given('--parallel')) console.log(settings.workersChosen);
  const provided = [
    ...(settings.workers > 1 && !given('--parallel') ? ['--parallel', String(settings.workers)] : []),
    ...(settings.shard && !given('--shard') ? ['--shard', settings.shard] : []),
    ...parsed.options,
  ];
  // Cucumber runs in the project's folder: feature files are named from there.
  const configFile = parsed.configFile
    ? path.resolve(parsed.configFile)
    : path.join(HARNESS_ROOT, 'cucumber.cjs');
  // Paths as given on the command line, from where the command runs (the project's folders if none).
  const paths = featurePaths(parsed.paths, settings.featuresDirs);
  enterProject(settings);
  const environment = {
    cwd: process.cwd(),
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
  };
  const { runConfiguration } = await loadConfiguration(
    // Cucumber reads its configuration file relative to the folder it runs in.
    { file: path.relative(process.cwd(), configFile), profiles: parsed.profiles, provided },
    environment,
  );
  // A profile's own paths (a team's --config file may name some) run too, as cucumber merges them.
  runConfiguration.sources.paths = [...runConfiguration.sources.paths, ...paths];
  checkNamePatterns(runConfiguration.sources.names);
  return { profiles: parsed.profiles, runConfiguration, environment };
}

/** The gate at the end of the run: its verdict, or the fail-closed one of an interrupted run. */
interface Judge {
  readonly verdict: () => Promise<number>;
  readonly interrupted: (reason: string) => void;
}

/** Chooses the policy and checks its file before a scenario runs: a typo costs no run. */
async function chooseJudge(settings: HarnessConfig, own: OwnOptions, run: CucumberRun): Promise<Judge> {
  const { loadPolicy, policyNames } = await import('../gate/policy');
  const choice = choosePolicy({
    explicit: own.gatePolicy,
    profiles: run.profiles,
    policies: policyNames(settings.gatePolicyFile),
    selection: run.runConfiguration.sources,
    featuresDirs: settings.featuresDirs,
  });
  loadPolicy(settings.gatePolicyFile, choice.name);
  const verdict = async (): Promise<number> => {
    process.stdout.write('\n');
    const { runGate } = await import('../gate/run-gate');
    return (await runGate(settings, settings.reportsDir, choice, (text) => console.log(text))).code;
  };
  const { failClosed } = await import('../gate/run-gate');
  const interrupted = (reason: string): void => {
    console.log(`\n${choiceLine(choice)}`);
    failClosed(settings.reportsDir, choice.name, reason, (text) => console.log(text));
  };
  return { verdict, interrupted };
}

/**
 * Runs the scenarios; whether every one passed. With a gate, the workers of a parallel run send
 * the secrets they meet here, in memory, for the gate's scan.
 */
async function runScenarios(
  settings: HarnessConfig,
  run: CucumberRun,
  support: SupportCodeLibrary,
  gated: boolean,
  commit: string | undefined,
): Promise<boolean> {
  const { runCucumber } = await import('@cucumber/cucumber/api');
  const { runConfiguration, environment } = run;
  const { openSecretChannel } = await import('../report/secret-channel');
  const { registerRunSecret } = await import('../report/run-secrets');
  const channel = gated ? await openSecretChannel(registerRunSecret) : undefined;
  try {
    const { success } = await runCucumber(
      {
        ...runConfiguration,
        support,
        // results.json says which run this is: merge tells a missing or foreign shard by it.
        plugins: {
          specifiers: runConfiguration.plugins?.specifiers ?? [],
          options: {
            ...runConfiguration.plugins?.options,
            [RUN_IDENTITY_OPTION]: {
              ...runIdentity(runConfiguration.sources, settings.featuresDirs, commit),
              // None of the harness's own formatters reads an attachment after its scenario.
              releaseAttachments: mayReleaseAttachments(
                runConfiguration.formats,
                Object.values(HARNESS_FORMATTERS),
              ),
            } satisfies ResultsPluginOptions,
          },
        },
        formats: {
          ...runConfiguration.formats,
          options: {
            ...runConfiguration.formats.options,
            [FORGET_PASSED_ATTEMPTS]: mayForgetPassedAttempts(
              runConfiguration.formats,
              HARNESS_FORGETTING_FORMATTERS,
            ),
          },
        },
      },
      environment,
    );
    return success;
  } catch (error) {
    // Cucumber's own summary breaks on a scenario whose worker died; the results are written
    // nonetheless, so the gate still decides on them.
    await reportsWritten();
    console.error(`spec: ${abnormalEndLine(reportFile(settings.reportsDir, 'results'), error)}`);
    return false;
  } finally {
    await channel?.close();
  }
}

async function main(argv: readonly string[]): Promise<number> {
  flattenRandomUuids();
  const settings = config();
  const own = splitArguments(argv);
  // A broken spec or catalogue stops the run before anything else is even loaded.
  const contracts = await loadServiceContracts(settings);
  loadRequirements(settings.requirementsFile);
  const run = await cucumberRun(settings, own);
  if (!run) return ExitCode.ok;
  const { runConfiguration, environment } = run;
  // A dry run runs nothing: it is never a verdict, and the last run's reports stay as they are.
  if (runConfiguration.runtime.dryRun) {
    const { dryRunOnly } = await import('../preflight/preflight');
    return dryRunOnly({ settings, contracts, runConfiguration, environment });
  }
  // Scenarios run in this process: the embedded service starts loading on the other core now.
  if (!runConfiguration.runtime.parallel) (await import('../target')).startTargetEarly(settings);
  // So does the reporting thread, which the results plugin takes when the run begins.
  (await import('../results/reporting-thread')).startReportingThreadEarly(!runConfiguration.runtime.parallel);
  // And git is asked for the commit, in the project's folder: it answers while the scenarios load.
  const commit = headCommit();
  // Scenarios run in worker processes: this one relays their messages, on a heap kept near what it holds.
  keepRelayHeapSmall(runConfiguration.runtime.parallel);
  const judge = own.gate ? await chooseJudge(settings, own, run) : undefined;
  // What would fail scenario after scenario fails here, in seconds.
  const { preflight } = await import('../preflight/preflight');
  const { support } = await preflight({ settings, contracts, runConfiguration, environment });

  // Nothing of an earlier run into the same folder mixes into this one's reports.
  clearRunOutputs(settings.reportsDir);
  onSignals((signal) => interrupted(signal, settings.reportsDir, judge?.interrupted));
  const success = await runScenarios(settings, run, support, judge !== undefined, await commit);
  if (!judge) return success ? ExitCode.ok : ExitCode.failed;
  return judge.verdict();
}

/**
 * SIGINT (Ctrl-C) and SIGTERM (a pipeline cancelled) end the run at once, in the same turn of the
 * event loop: no scenario starts after the signal.
 */
function onSignals(handle: (signal: NodeJS.Signals) => number): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      let code: number = ExitCode.unusable;
      try {
        code = handle(signal);
      } finally {
        process.exit(code);
      }
    });
  }
}

/**
 * Keeps what the run has so far — the message stream, results, contract coverage and
 * traceability, all of the same scenarios and all marked incomplete — and gives the verdict of a
 * run that cannot be judged: NO-GO, exit 2.
 */
function interrupted(
  signal: NodeJS.Signals,
  reportsDir: string,
  judge: ((reason: string) => void) | undefined,
): number {
  console.error(`\nspec: interrupted by ${signal}: keeping the results so far; the run is incomplete`);
  for (const problem of flushInterruptedRun())
    console.error(`spec: could not write the results so far: ${problem}`);
  judge?.(unfinishedRunProblem(reportFile(reportsDir, 'results')));
  return ExitCode.unusable;
}

runCommand('spec', () => main(process.argv.slice(2)));
