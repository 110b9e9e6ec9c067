/**
 * `npm run init -- --spec <contract> [--name <service>] [--out <dir>]` — a project for a team's own
 * OpenAPI 3.0 or 3.1 contract: harness.config.yaml, a requirement per tag, a feature per tag with a
 * scenario per operation (the contract's examples), the gate's policies and a reports folder, in
 * `projects/<service>` unless --out says where. Never overwrites a file: what exists is kept (an
 * existing project file only gains the service). Prints what it wrote and the next steps.
 * Exit 0 done, 2 bad input (no --spec, a contract that cannot be read or has no operations, a bad --name).
 */
import { parseArgs } from 'node:util';
import { ExitCode, UsageError, displayPath, oneLine, runCommand } from '../errors';
import { createStarter, type StarterOptions } from '../starter/starter';

const USAGE = 'npm run init -- --spec <contract file> [--name <service>] [--out <dir>]';

function options(argv: readonly string[]): StarterOptions {
  let values: { spec?: string; name?: string; out?: string };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { spec: { type: 'string' }, name: { type: 'string' }, out: { type: 'string' } },
    }));
  } catch (error) {
    throw new UsageError(`${oneLine(error)} (${USAGE})`);
  }
  if (!values.spec) throw new UsageError(`--spec is missing: name the OpenAPI contract (${USAGE})`);
  return { contractFile: values.spec, name: values.name, out: values.out };
}

async function main(argv: readonly string[]): Promise<number> {
  const result = await createStarter(options(argv));
  for (const { file, outcome, note } of result.files) {
    const shown = displayPath(file);
    const line = outcome === 'kept' ? `kept ${shown} (exists)` : `${outcome} ${shown}`;
    console.log(note ? `${line}: ${note}` : line);
  }
  const operations = result.capabilities.reduce(
    (count, capability) => count + capability.operations.length,
    0,
  );
  console.log(
    `\n${result.service}: ${result.capabilities.length} requirement(s), ${result.scenarios} scenario(s) for ${operations} operation(s)` +
      (result.scenarios < operations ? ' (the features say in comments why the others have none)' : '') +
      `; the release gate asks for ${result.contractCoverageMin}% contract coverage, what they reach.\n`,
  );
  for (const line of result.nextSteps) console.log(line);
  return ExitCode.ok;
}

runCommand('init', () => main(process.argv.slice(2)));
