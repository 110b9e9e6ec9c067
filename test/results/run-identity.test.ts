import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shardSetProblem, type ShardRecord } from '../../support/results/run-identity';
import type { RunIdentity } from '../../support/results/run-model';

const COMMIT = 'a'.repeat(40);
let line = 0;

/** A folder's record: its identity and one selected scenario of its own. */
function record(folder: string, run: Partial<RunIdentity> | undefined, scenarios = 1): ShardRecord {
  return {
    folder: `/tmp/${folder}`,
    results: {
      ...(run ? { run: { selection: 'tags "@ui"', commit: COMMIT, ...run } } : {}),
      scenarios: Array.from({ length: scenarios }, () => ({
        uri: 'features/x.feature',
        line: ++line,
        selected: true,
      })),
    } as unknown as ShardRecord['results'],
  };
}

const ui = (shard: string, folder = `ui-${shard[0]}`): ShardRecord => record(folder, { shard });

describe('which sets of runs merge into one', () => {
  it('a whole run of one selection and every shard of another', () => {
    const api = record('api', { selection: 'tags "@api"' });
    assert.equal(shardSetProblem([api, ui('1/3'), ui('2/3'), ui('3/3')]), undefined);
  });

  it('an empty shard is fine when the others have scenarios', () => {
    assert.equal(shardSetProblem([ui('1/2'), record('ui-2', { shard: '2/2' }, 0)]), undefined);
  });

  it('names the missing shards', () => {
    assert.equal(
      shardSetProblem([ui('2/3')]),
      'shards 1/3, 3/3 of the run narrowed by tags "@ui" are missing: merge every shard\'s reports folder',
    );
  });

  it('names a shard given twice', () => {
    assert.match(
      shardSetProblem([ui('1/2'), ui('1/2', 'again'), ui('2/2')]) ?? '',
      /^shard 1\/2 .* is given twice: /,
    );
  });

  it('refuses shards of different counts', () => {
    assert.match(
      shardSetProblem([ui('1/2'), ui('2/3')]) ?? '',
      /split it in different counts: .*ui-1 is 1\/2, .*ui-2 is 2\/3$/,
    );
  });

  it('refuses runs of different commits', () => {
    const foreign = record('ui-2', { shard: '2/2', commit: 'b'.repeat(40) });
    assert.match(
      shardSetProblem([ui('1/2'), foreign]) ?? '',
      /^the runs are of different commits: aaaaaaaaaaaa \(.*\) vs bbbbbbbbbbbb/,
    );
  });

  it('refuses a whole run merged with its own shards, or twice', () => {
    assert.match(
      shardSetProblem([record('all', {}), ui('1/1')]) ?? '',
      /is the whole run .* and .* shards of it$/,
    );
    assert.match(
      shardSetProblem([record('a', {}), record('b', {})]) ?? '',
      /are the same run .*, given twice$/,
    );
  });

  it('refuses runs that do not say which they are, that overlap, or that selected nothing', () => {
    assert.match(shardSetProblem([record('old', undefined)]) ?? '', /does not say which run it holds/);
    const overlap = record('api', { selection: 'tags "@api"' });
    const same = { ...ui('1/1'), results: { ...ui('1/1').results, scenarios: overlap.results.scenarios } };
    assert.match(shardSetProblem([overlap, same]) ?? '', /^features\/x\.feature:\d+ ran in both /);
    assert.match(shardSetProblem([record('ui-1', { shard: '1/1' }, 0)]) ?? '', /^no scenario was selected/);
  });
});
