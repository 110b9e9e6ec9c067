/**
 * `npm run spec [-- <cucumber options>] [--no-gate] [--gate-policy <name>]` — runs the features
 * against the embedded service (or BASE_URL), then the release gate on the results: `release` for
 * the full suite, `partial` for a run narrowed by paths, tags, names or a shard (see choose-policy).
 * Exit 0 go (or, with --no-gate, every scenario passed), 1 no-go (scenarios failed), 2 the run
 * cannot be trusted: bad configuration, a broken spec or feature file, unusable results.
 */
import path from 'node:path';
import { config } from '../config/config';
import { HARNESS_ROOT, enterProject } from '../config/project-dir';
import { ExitCode, UsageError, oneLine } from '../errors';
import { choosePolicy } from '../gate/choose-policy';
import { clearRunOutputs } from '../gate/run-outputs';
import { PreflightError } from '../preflight/preflight-error';
import { flushInterruptedRun } from '../results/interruption';
import { loadServiceContracts } from '../services/contracts';
import { loadRequirements } from '../trace/requirements';

interface OwnOptions {
  readonly gate: boolean;
  readonly gatePolicy: string | undefined;
  readonly cucumberArgs: string[];
}

/** Takes the harness's own flags out; everything else is cucumber's. */
export function splitArguments(argv: readonly string[]): OwnOptions {
  const cucumberArgs: string[] = [];
  let gate = true;
  let gatePolicy: string | undefined;
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]!;
    if (arg === '--no-gate') gate = false;
    else if (arg === '--gate-policy' || arg.startsWith('--gate-policy=')) {
      gatePolicy = arg === '--gate-policy' ? argv[++index] : arg.slice('--gate-policy='.length);
      if (!gatePolicy || gatePolicy.startsWith('-'))
        throw new UsageError(
          '--gate-policy needs the name of a policy in the gate file (e.g. --gate-policy release)',
        );
    } else cucumberArgs.push(arg);
  }
  return { gate, gatePolicy, cucumberArgs };
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

async function main(argv: readonly string[]): Promise<number> {
  const settings = config();
  const own = splitArguments(argv);
  // A broken spec or catalogue stops the run before anything else is even loaded.
  const contracts = await loadServiceContracts(settings);
  loadRequirements(settings.requirementsFile);

  const { loadConfiguration, runCucumber } = await import('@cucumber/cucumber/api');
  const { ArgvParser } = await import('@cucumber/cucumber/lib/configuration/index');
  const { options, configuration } = ArgvParser.parse(['node', 'cucumber-js', ...own.cucumberArgs]);
  const provided = {
    ...(settings.workers > 1 && configuration.parallel === undefined ? { parallel: settings.workers } : {}),
    ...(settings.shard && configuration.shard === undefined ? { shard: settings.shard } : {}),
    ...configuration,
    paths: featurePaths(configuration.paths, settings.featuresDirs),
  };
  // Cucumber runs in the project's folder: feature files are named from there.
  const configFile = options.config ? path.resolve(options.config) : path.join(HARNESS_ROOT, 'cucumber.cjs');
  enterProject(settings);
  const environment = {
    cwd: process.cwd(),
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
  };
  const { runConfiguration } = await loadConfiguration(
    // Cucumber reads its configuration file relative to the folder it runs in.
    { file: path.relative(process.cwd(), configFile), profiles: options.profile, provided },
    environment,
  );
  // The policy is chosen, and its file checked, before a scenario runs: a typo costs no run.
  let judge: (() => Promise<number>) | undefined;
  if (own.gate) {
    const { loadPolicy, policyNames } = await import('../gate/policy');
    const choice = choosePolicy({
      explicit: own.gatePolicy,
      profiles: options.profile,
      policies: policyNames(settings.gatePolicyFile),
      selection: runConfiguration.sources,
      featuresDirs: settings.featuresDirs,
    });
    loadPolicy(settings.gatePolicyFile, choice.name);
    judge = async (): Promise<number> => {
      process.stdout.write('\n');
      const { runGate } = await import('../gate/run-gate');
      return (await runGate(settings, settings.reportsDir, choice, (text) => console.log(text))).code;
    };
  }
  // What would fail scenario after scenario fails here, in seconds. A dry run asked for is left
  // to cucumber: it is how people get snippets for undefined steps.
  const { preflight } = await import('../preflight/preflight');
  const checked = runConfiguration.runtime.dryRun
    ? undefined
    : await preflight({ settings, contracts, runConfiguration, environment });

  // Nothing of an earlier run into the same folder mixes into this one's reports.
  clearRunOutputs(settings.reportsDir);
  onSignals((signal) => interrupted(signal, judge));
  // The workers of a parallel run send the secrets they meet here, in memory, for the gate's scan.
  const { openSecretChannel } = await import('../report/secret-channel');
  const { registerRunSecret } = await import('../report/run-secrets');
  const channel = judge ? await openSecretChannel(registerRunSecret) : undefined;
  let success: boolean;
  try {
    ({ success } = await runCucumber(
      { ...runConfiguration, ...(checked ? { support: checked.support } : {}) },
      environment,
    ));
  } catch (error) {
    // Cucumber's own summary breaks on a scenario whose worker died; the results are written by
    // then, so the gate still decides on them.
    console.error(`spec: the run ended abnormally (did a worker die?): ${oneLine(error)}`);
    success = false;
  } finally {
    await channel?.close();
  }
  if (!judge) return success ? ExitCode.ok : ExitCode.failed;
  return judge();
}

/** SIGINT (Ctrl-C) and SIGTERM (a pipeline cancelled) end the run in order; a second one at once. */
function onSignals(handle: (signal: NodeJS.Signals) => Promise<number>): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void handle(signal).then(
        (code) => process.exit(code),
        () => process.exit(ExitCode.unusable),
      );
    });
  }
}

/** Keeps what the run has so far, marked incomplete, and lets the gate say it cannot decide. */
async function interrupted(
  signal: NodeJS.Signals,
  judge: (() => Promise<number>) | undefined,
): Promise<number> {
  console.error(`\nspec: interrupted by ${signal}: keeping the results so far; the run is incomplete`);
  for (const problem of flushInterruptedRun())
    console.error(`spec: could not write the results so far: ${problem}`);
  if (judge) await judge();
  return ExitCode.unusable;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof PreflightError) {
      for (const line of error.lines()) console.error(line);
    } else console.error(`spec: ${oneLine(error)}`);
    process.exitCode = ExitCode.unusable;
  },
);
