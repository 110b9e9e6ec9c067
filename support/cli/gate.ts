/**
 * `npm run gate [-- --policy <name>] [--reports <dir>]` — the release verdict for the last run:
 * a table of the policy's rules, and reports/gate.json, junit.xml and summary.md.
 * `release` unless --policy names another (`npm run spec` chooses for itself: see choose-policy).
 * Exit 0 go, 1 no-go, 2 results missing, corrupt or incomplete, or a broken policy file.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { config } from '../config/config';
import { enterProject } from '../config/project-dir';
import { runCommand } from '../errors';
import { namedPolicy } from '../gate/choose-policy';
import { runGate } from '../gate/run-gate';

async function main(): Promise<number> {
  const settings = config();
  const { values } = parseArgs({
    options: { policy: { type: 'string' }, reports: { type: 'string' } },
  });
  const reportsDir = values.reports ? path.resolve(values.reports) : settings.reportsDir;
  enterProject(settings);
  const choice = namedPolicy(values.policy, 'npm run gate judges a release unless --policy names another');
  return (await runGate(settings, reportsDir, choice, (text) => console.log(text))).code;
}

runCommand('gate', () => main());
