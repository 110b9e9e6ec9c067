/**
 * `npm run gate [-- --policy <name>] [--reports <dir>]` — the release verdict for the last run:
 * a table of the policy's rules, and reports/gate.json, junit.xml and summary.md.
 * Exit 0 go, 1 no-go, 2 results missing, corrupt or incomplete, or a broken policy file.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { config } from '../config/config';
import { ExitCode, oneLine } from '../errors';
import { runGate } from '../gate/run-gate';

async function main(): Promise<number> {
  const settings = config();
  const { values } = parseArgs({
    options: { policy: { type: 'string', default: 'release' }, reports: { type: 'string' } },
  });
  const reportsDir = values.reports ? path.resolve(values.reports) : settings.reportsDir;
  return (await runGate(settings, reportsDir, values.policy, (text) => console.log(text))).code;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`gate: ${oneLine(error)}`);
    process.exitCode = ExitCode.unusable;
  },
);
