/**
 * `npm run merge -- [--out <dir>] [--policy <name>] [--no-gate] <shard reports dir>…` — combines the
 * reports of a sharded run (SHARD=1/3, 2/3, 3/3 on different machines) into one set: one message
 * stream, one results file, one contract coverage, one traceability matrix, the Allure results of
 * all shards, and one gate verdict — `release` unless --policy names another: together the shards
 * are the full run. Exit codes are the gate's: 0 go, 1 no-go, 2 unusable. A shard that cannot be
 * used (missing, corrupt, never finished) leaves a failing verdict in --out, even with --no-gate.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { config } from '../config/config';
import { loadContract } from '../contract/load';
import { ExitCode, UsageError, displayPath, oneLine } from '../errors';
import { FULL_RUN_POLICY, choiceLine, type PolicyChoice } from '../gate/choose-policy';
import { runGate, writeUnusableVerdict } from '../gate/run-gate';
import { clearRunOutputs } from '../gate/run-outputs';
import { readRun, UnusableResultsError } from '../results/read-run';
import type { RunCollector } from '../results/run-model';
import { writeRunReports } from '../results/write-reports';
import { loadRequirements } from '../trace/requirements';

/** Allure files each run writes for itself; the merged set gets its own. */
const PER_RUN = new Set(['environment.properties', 'categories.json', 'executor.json']);

async function main(): Promise<number> {
  const settings = config();
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: 'string', default: settings.reportsDir },
      policy: { type: 'string' },
      'no-gate': { type: 'boolean', default: false },
    },
  });
  if (positionals.length === 0)
    throw new UsageError(
      "merge: name the shards' report folders (npm run merge -- --out reports shard-1 shard-2 …)",
    );
  const out = path.resolve(values.out);
  const shards = positionals.map((folder) => path.resolve(folder));
  if (shards.includes(out))
    throw new UsageError(`--out ${displayPath(out)} is one of the shards: write the merge elsewhere`);

  const choice: PolicyChoice = values.policy
    ? { name: values.policy, reason: 'named by --policy' }
    : { name: FULL_RUN_POLICY, reason: 'merged shards are judged as the full run' };

  // Nothing of an earlier merge stays in --out; then every shard must have finished its run.
  clearRunOutputs(out);
  const streams = shards.map((folder) => path.join(folder, 'messages.ndjson'));
  let collector: RunCollector;
  try {
    collector = await readRun(streams);
  } catch (error) {
    if (!(error instanceof UnusableResultsError)) throw error;
    writeUnusableVerdict(out, choice.name, oneLine(error));
    console.log(choiceLine(choice));
    console.error(`merge: ${oneLine(error)}`);
    return ExitCode.unusable;
  }

  fs.mkdirSync(path.join(out, 'allure-results'), { recursive: true });
  fs.writeFileSync(path.join(out, 'messages.ndjson'), '');
  for (const stream of streams) fs.appendFileSync(path.join(out, 'messages.ndjson'), fs.readFileSync(stream));
  for (const folder of shards) {
    const allure = path.join(folder, 'allure-results');
    if (!fs.existsSync(allure)) continue;
    for (const name of fs.readdirSync(allure)) {
      if (!PER_RUN.has(name))
        fs.cpSync(path.join(allure, name), path.join(out, 'allure-results', name), { recursive: true });
    }
  }
  const results = collector.results();
  writeRunReports(out, {
    results,
    corpus: collector.corpus(),
    contract: await loadContract(settings.openapiSpec),
    catalog: loadRequirements(settings.requirementsFile),
    config: settings,
  });
  const selected = results.scenarios.filter((scenario) => scenario.selected).length;
  console.log(
    `Merged ${shards.length} shards into ${displayPath(out)}: ${selected} scenarios from ${results.runs} runs`,
  );
  if (values['no-gate']) return ExitCode.ok;
  return (await runGate(settings, out, choice, (text) => console.log(text))).code;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`merge: ${oneLine(error)}`);
    process.exitCode = ExitCode.unusable;
  },
);
