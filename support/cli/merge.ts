/**
 * `npm run merge -- [--out <dir>] [--policy <name>] [--no-gate] <shard reports dir>…` — combines the
 * reports of a sharded run (SHARD=1/3, 2/3, 3/3 on different machines) into one set: one message
 * stream, one results file, one contract coverage, one traceability matrix, the Allure results of
 * all shards, and one gate verdict — `release` unless --policy names another: together the shards
 * are the full run. Exit codes are the gate's: 0 go, 1 no-go, 2 unusable. A shard that cannot be
 * used (missing, corrupt, never finished) or a set that is not one run (a shard missing or given
 * twice, shards of another commit or shard count, no scenario at all) leaves a failing verdict in
 * --out, even with --no-gate.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { config } from '../config/config';
import { enterProject } from '../config/project-dir';
import { ExitCode, UsageError, displayPath, oneLine, runCommand } from '../errors';
import { headCommit } from '../config/head-commit';
import { reportFile } from '../report/report-files';
import { choiceLine, namedPolicy } from '../gate/choose-policy';
import { loadPolicy } from '../gate/policy';
import { runGate, writeUnusableVerdict } from '../gate/run-gate';
import { clearRunOutputs } from '../gate/run-outputs';
import { readRun, UnusableResultsError } from '../results/read-run';
import { shardSetProblem, type ShardRecord } from '../results/run-identity';
import type { RunCollector } from '../results/run-model';
import { writeRunReports } from '../results/write-reports';
import { loadServiceContracts } from '../services/contracts';
import { loadRequirements } from '../trace/requirements';

/** Allure files each run writes for itself; the merged set gets its own. */
const PER_RUN = new Set(['environment.properties', 'categories.json', 'executor.json']);

/** What a shard's results.json says about it: which run it is and the scenarios it selected. */
function readShardResults(folder: string): ShardRecord['results'] {
  const file = reportFile(folder, 'results');
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as ShardRecord['results'];
  } catch (error) {
    const reason = fs.existsSync(file) ? 'is not valid JSON' : 'is missing';
    throw new UnusableResultsError(
      `${displayPath(file)} ${reason}: the shard's run did not finish writing (${oneLine(error)})`,
    );
  }
}

/** The shards' commit (one: shardSetProblem checks), else the one checked out where the merge runs. */
async function commitOf(records: readonly ShardRecord[]): Promise<string | undefined> {
  return records.find((record) => record.results.run?.commit)?.results.run?.commit ?? (await headCommit());
}

/** One message stream of the shards' streams, and the Allure results of every shard, in `out`. */
function combineShardFiles(out: string, streams: readonly string[], shards: readonly string[]): void {
  fs.mkdirSync(reportFile(out, 'allureResults'), { recursive: true });
  fs.writeFileSync(reportFile(out, 'messages'), '');
  for (const stream of streams) fs.appendFileSync(reportFile(out, 'messages'), fs.readFileSync(stream));
  for (const folder of shards) {
    const allure = reportFile(folder, 'allureResults');
    if (!fs.existsSync(allure)) continue;
    for (const name of fs.readdirSync(allure)) {
      if (!PER_RUN.has(name))
        fs.cpSync(path.join(allure, name), path.join(reportFile(out, 'allureResults'), name), {
          recursive: true,
        });
    }
  }
}

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
  enterProject(settings);
  if (shards.includes(out))
    throw new UsageError(`--out ${displayPath(out)} is one of the shards: write the merge elsewhere`);

  const choice = namedPolicy(values.policy, 'merged shards are judged as the full run');
  // A policy that does not exist stops the merge before it writes a verdict in its name.
  if (!values['no-gate']) loadPolicy(settings.gatePolicyFile, choice.name);

  // Nothing of an earlier merge stays in --out; then every shard must have finished its run.
  clearRunOutputs(out);
  const streams = shards.map((folder) => reportFile(folder, 'messages'));
  let collector: RunCollector;
  let records: ShardRecord[];
  try {
    collector = await readRun(streams);
    // Together the runs must be one: every shard once, of one commit and one shard count.
    records = shards.map((folder) => ({ folder, results: readShardResults(folder) }));
    const problem = shardSetProblem(records);
    if (problem) throw new UnusableResultsError(problem);
  } catch (error) {
    if (!(error instanceof UnusableResultsError)) throw error;
    writeUnusableVerdict(out, choice.name, oneLine(error));
    console.log(choiceLine(choice));
    console.error(`merge: ${oneLine(error)}`);
    return ExitCode.unusable;
  }

  combineShardFiles(out, streams, shards);
  const results = collector.results();
  writeRunReports(out, {
    results,
    corpus: collector.corpus(),
    contracts: await loadServiceContracts(settings),
    catalog: loadRequirements(settings.requirementsFile),
    config: settings,
    commit: await commitOf(records),
  });
  const selected = results.scenarios.filter((scenario) => scenario.selected).length;
  console.log(
    `Merged ${shards.length} shards into ${displayPath(out)}: ${selected} scenarios from ${results.runs} runs`,
  );
  if (values['no-gate']) return ExitCode.ok;
  return (await runGate(settings, out, choice, (text) => console.log(text))).code;
}

runCommand('merge', () => main());
