/**
 * `npm run spec [-- <cucumber options>]` — runs the features against the embedded service (or
 * BASE_URL) and exits 0 when every scenario passed, 1 when some failed, and 2 when the run could
 * not be trusted: bad configuration, a broken spec, a broken feature file or option.
 */
import { loadConfiguration, runCucumber } from '@cucumber/cucumber/api';
import { ArgvParser } from '@cucumber/cucumber/lib/configuration/index';
import { config } from '../config/config';
import { loadContract } from '../contract/load';
import { ExitCode, oneLine } from '../errors';

async function main(argv: readonly string[]): Promise<number> {
  const settings = config();
  // A broken spec stops the run before any scenario starts.
  await loadContract(settings.openapiSpec);

  const { options, configuration: provided } = ArgvParser.parse(['node', 'cucumber-js', ...argv]);
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
  return success ? ExitCode.ok : ExitCode.failed;
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
