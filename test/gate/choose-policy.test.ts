import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { choiceLine, choosePolicy } from '../../support/gate/choose-policy';
import { narrowing, type RunSelection } from '../../support/results/run-selection';

const CWD = '/project';
const FULL: RunSelection = { paths: [], tagExpression: '', names: [] };
const POLICIES = ['release', 'partial', 'smoke'];

const choose = (selection: Partial<RunSelection>, profiles: string[] = [], explicit?: string): string =>
  choosePolicy({
    explicit,
    profiles,
    policies: POLICIES,
    selection: { ...FULL, ...selection },
    featuresDirs: 'features',
    cwd: CWD,
  }).name;

describe('which policy judges a run', () => {
  it('judges the full, unfiltered suite as a release, the features folder named or not', () => {
    assert.equal(choose({}), 'release');
    assert.equal(choose({ paths: ['features'] }), 'release');
    assert.equal(choose({ paths: ['features/', '/project/features'] }), 'release');
    assert.equal(choose({}, ['ci']), 'release', 'a profile that narrows nothing');
  });

  it('judges a run narrowed by paths, a line, tags, names or a shard as a partial run', () => {
    for (const selection of [
      { paths: ['features/accounts'] },
      { paths: ['features/a.feature:13'] },
      { paths: ['features:3'] },
      { paths: ['/elsewhere/any.feature'] },
      { tagExpression: '@smoke' },
      { names: ['spam'] },
      { shard: '2/3' },
    ]) {
      assert.equal(choose(selection), 'partial', JSON.stringify(selection));
    }
  });

  it('lets --gate-policy, then a profile named like a policy, override the rule', () => {
    assert.equal(choose({ tagExpression: '@smoke' }, ['smoke']), 'smoke');
    assert.equal(choose({ tagExpression: '@api' }, ['api']), 'partial', 'api is no policy');
    assert.equal(choose({ tagExpression: '@smoke' }, ['smoke'], 'release'), 'release');
    assert.equal(choose({}, [], 'smoke'), 'smoke');
  });

  it('says why in one line', () => {
    const line = choiceLine(
      choosePolicy({
        explicit: undefined,
        profiles: [],
        policies: POLICIES,
        selection: { paths: ['features/a.feature:13'], tagExpression: '@smoke', names: [], shard: '1/3' },
        featuresDirs: 'features',
        cwd: CWD,
      }),
    );
    assert.equal(
      line,
      'Gate policy: partial — the run is narrowed by paths features/a.feature:13, tags "@smoke", shard 1/3 (coverage and @critical are the full run\'s to prove)',
    );
    assert.deepEqual(narrowing(FULL, 'features', CWD), []);
    // Cucumber wraps the tag expressions it combines in parentheses.
    assert.deepEqual(narrowing({ ...FULL, tagExpression: '((@smoke))' }, 'features', CWD), ['tags "@smoke"']);
    assert.deepEqual(narrowing({ ...FULL, tagExpression: '(@a) and (@b)' }, 'features', CWD), [
      'tags "(@a) and (@b)"',
    ]);
  });
});
