/**
 * `npm run spec [-- <cucumber options>] [--no-gate] [--gate-policy <name>]` — runs the features
 * against the embedded service (or BASE_URL), then the release gate on the results.
 * Exit 0 go (or, with --no-gate, every scenario passed), 1 no-go (scenarios failed), 2 the run
 * cannot be trusted: bad configuration, a broken spec or feature file, unusable results.
 */
import { loadConfiguration, runCucumber } from '@cucumber/cucumber/api';
import { ArgvParser } from '@cucumber/cucumber/lib/configuration/index';
import { config } from '../config/config';
import { loadContract } from '../contract/load';
import { ExitCode, oneLine } from '../errors';
import { policyNames } from '../gate/policy';
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
    else if (arg === '--gate-policy') gatePolicy = argv[++index];
    else if (arg.startsWith('--gate-policy=')) gatePolicy = arg.slice('--gate-policy='.length);
    else cucumberArgs.push(arg);
  }
  return { gate, gatePolicy, cucumberArgs };
}

async function main(argv: readonly string[]): Promise<number> {
  const settings = config();
  const own = splitArguments(argv);
  // A broken spec or catalogue stops the run before any scenario starts.
  await loadContract(settings.openapiSpec);
  loadRequirements(settings.requirementsFile);

  const { options, configuration } = ArgvParser.parse(['node', 'cucumber-js', ...own.cucumberArgs]);
  const provided = {
    ...(settings.workers > 1 && configuration.parallel === undefined ? { parallel: settings.workers } : {}),
    ...(settings.shard && configuration.shard === undefined ? { shard: settings.shard } : {}),
    ...configuration,
  };
  const environment = {
    cwd: process.cwd(),
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
  };
  const { runConfiguration } = await loadConfiguration(
    { file: options.config, profiles: options.profile, provided },
    environment,
  );
  const { success } = await runCucumber(runConfiguration, environment);
  if (!own.gate) return success ? ExitCode.ok : ExitCode.failed;

  // A profile named like a policy (smoke) picks it; otherwise a release is what is judged.
  const named = policyNames(settings.gatePolicyFile);
  const policy = own.gatePolicy ?? options.profile.find((profile) => named.includes(profile)) ?? 'release';
  process.stdout.write('\n');
  const { runGate } = await import('../gate/run-gate');
  const { code } = await runGate(settings, settings.reportsDir, policy, (text) => console.log(text));
  return code;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`spec: ${oneLine(error)}`);
    process.exitCode = ExitCode.unusable;
  },
);
