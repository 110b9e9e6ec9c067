import { narrowing, type RunSelection } from './run-selection';
import { displayPath } from '../errors';
import type { RunIdentity, RunResults } from './run-model';

/** The key under which `npm run spec` hands the identity to the results plugin. */
export const RUN_IDENTITY_OPTION = 'harnessRun';

const FULL_SUITE = 'the full suite';

/**
 * The identity of a run about to start, from what it selected, in the project's folder, with the
 * commit checked out there (config/head-commit.ts).
 */
export function runIdentity(
  selection: RunSelection,
  featuresDirs: readonly string[],
  commit: string | undefined,
  cwd = process.cwd(),
): RunIdentity {
  const narrowed = narrowing({ ...selection, shard: undefined }, featuresDirs, cwd);
  return {
    ...(selection.shard ? { shard: selection.shard } : {}),
    selection: narrowed.length > 0 ? narrowed.join(', ') : FULL_SUITE,
    ...(commit ? { commit } : {}),
  };
}

/** One folder given to `npm run merge`, with what its results.json says. */
export interface ShardRecord {
  readonly folder: string;
  readonly results: Pick<RunResults, 'scenarios'> & { readonly run?: RunIdentity };
}

function parseShard(shard: string): { index: number; count: number } | undefined {
  const match = /^(\d+)\/(\d+)$/.exec(shard);
  return match ? { index: Number(match[1]), count: Number(match[2]) } : undefined;
}

/**
 * Why a set of runs cannot be merged into one, or undefined when it can: a run that does not say
 * which it is; runs of different commits; a shard missing, given twice, or of another shard count;
 * a scenario that ran in two of them; no scenario at all. Each reason names the folders.
 */
export function shardSetProblem(records: readonly ShardRecord[]): string | undefined {
  const shown = (record: ShardRecord): string => displayPath(record.folder);
  const unknown = records.filter((record) => !record.results.run);
  if (unknown.length > 0)
    return `${unknown.map(shown).join(', ')}: results.json does not say which run it holds (not written by this harness's npm run spec?)`;
  const identity = (record: ShardRecord): RunIdentity => record.results.run!;

  const commits = new Map<string, ShardRecord[]>();
  for (const record of records) {
    const commit = identity(record).commit;
    if (commit) commits.set(commit, [...(commits.get(commit) ?? []), record]);
  }
  if (commits.size > 1) {
    const list = [...commits].map(
      ([commit, from]) => `${commit.slice(0, 12)} (${from.map(shown).join(', ')})`,
    );
    return `the runs are of different commits: ${list.join(' vs ')}: run every shard again from one commit`;
  }

  const groups = new Map<string, ShardRecord[]>();
  for (const record of records) {
    const key = identity(record).selection;
    groups.set(key, [...(groups.get(key) ?? []), record]);
  }
  for (const [selection, group] of groups) {
    const problem = groupProblem(selection, group, shown);
    if (problem) return problem;
  }

  const ranIn = new Map<string, ShardRecord>();
  for (const record of records) {
    for (const scenario of record.results.scenarios) {
      if (!scenario.selected) continue;
      const key = `${scenario.uri}:${scenario.line}`;
      const earlier = ranIn.get(key);
      if (earlier)
        return `${key} ran in both ${shown(earlier)} and ${shown(record)}: the runs overlap, so they are not the shards of one run`;
      ranIn.set(key, record);
    }
  }
  if (ranIn.size === 0)
    return `no scenario was selected in any of ${records.map(shown).join(', ')}: there is nothing to judge`;
  return undefined;
}

/** The runs of one selection: either one whole run, or shards 1..n of n, each once. */
function groupProblem(
  selection: string,
  group: readonly ShardRecord[],
  shown: (record: ShardRecord) => string,
): string | undefined {
  const of = selection === FULL_SUITE ? 'of the full suite' : `of the run narrowed by ${selection}`;
  const whole = group.filter((record) => !record.results.run!.shard);
  if (whole.length > 1) return `${whole.map(shown).join(' and ')} are the same run ${of}, given twice`;
  if (whole.length === 1 && group.length > 1)
    return `${shown(whole[0]!)} is the whole run ${of}, and ${group
      .filter((record) => record !== whole[0])
      .map(shown)
      .join(', ')} shards of it`;
  if (whole.length === 1) return undefined;

  const shards = group.map((record) => ({ record, shard: parseShard(record.results.run!.shard!) }));
  const broken = shards.find(
    (entry) => !entry.shard || entry.shard.index < 1 || entry.shard.index > entry.shard.count,
  );
  if (broken)
    return `${shown(broken.record)}: "${broken.record.results.run!.shard}" is not a shard (INDEX/COUNT)`;
  const counts = new Set(shards.map((entry) => entry.shard!.count));
  if (counts.size > 1) {
    const list = shards.map((entry) => `${shown(entry.record)} is ${entry.record.results.run!.shard}`);
    return `shards ${of} split it in different counts: ${list.join(', ')}`;
  }
  const count = [...counts][0]!;
  const byIndex = new Map<number, ShardRecord[]>();
  for (const { record, shard } of shards)
    byIndex.set(shard!.index, [...(byIndex.get(shard!.index) ?? []), record]);
  for (const [index, given] of byIndex) {
    if (given.length > 1)
      return `shard ${index}/${count} ${of} is given twice: ${given.map(shown).join(' and ')}`;
  }
  const missing = Array.from({ length: count }, (_, offset) => offset + 1).filter(
    (index) => !byIndex.has(index),
  );
  if (missing.length > 0) {
    const names = missing.map((index) => `${index}/${count}`);
    return `shard${missing.length > 1 ? 's' : ''} ${names.join(', ')} ${of} ${missing.length > 1 ? 'are' : 'is'} missing: merge every shard's reports folder`;
  }
  return undefined;
}
