import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UsageError } from '../../support/errors';
import {
  checkFeaturePaths,
  checkNamePatterns,
  parseCucumberArguments,
} from '../../support/preflight/command-line';

describe("npm run spec's command line", () => {
  it('takes cucumber options as cucumber does', async () => {
    const { configuration, args } = await parseCucumberArguments(['--tags', '@smoke', 'features/x.feature']);
    assert.equal(configuration.tags, '(@smoke)');
    assert.deepEqual(configuration.paths, ['features/x.feature']);
    assert.deepEqual(args, ['--tags', '@smoke', 'features/x.feature']);
  });

  it('takes the profiles and the configuration file apart, in every spelling cucumber accepts', async () => {
    const parsed = await parseCucumberArguments([
      '-p',
      'ci',
      '--tags',
      '@smoke',
      '--profile=ui',
      '-pnightly',
      '--config',
      'team.cjs',
      '--profile',
      'zh',
      'features',
    ]);
    assert.deepEqual(parsed.profiles, ['ci', 'ui', 'nightly', 'zh']);
    assert.equal(parsed.configFile, 'team.cjs');
    assert.deepEqual(parsed.args, ['--tags', '@smoke', 'features']);
    assert.equal((await parseCucumberArguments(['-c', 'a.cjs'])).configFile, 'a.cjs');
    assert.equal((await parseCucumberArguments(['--config=b.cjs'])).configFile, 'b.cjs');
    await assert.rejects(
      parseCucumberArguments(['--tags', '@x', '--profile']),
      /^UsageError: option '-p, --profile <value>' argument missing \(npm run spec -- --help/,
    );
  });

  it('an unknown option or a missing value is a UsageError (exit 2), not commander exiting with 1', async () => {
    await assert.rejects(parseCucumberArguments(['--frobnicate']), (error: unknown) => {
      assert.ok(error instanceof UsageError);
      assert.match(error.message, /^unknown option '--frobnicate' \(npm run spec -- --help/);
      return true;
    });
    await assert.rejects(
      parseCucumberArguments(['--tags']),
      /^UsageError: option '-t, --tags <EXPRESSION>' argument missing/,
    );
    await assert.rejects(
      parseCucumberArguments(['--parallel', 'x']),
      /--parallel must be a non negative integer/,
    );
  });

  it('names a --name that is not a regular expression', () => {
    assert.doesNotThrow(() => checkNamePatterns(['^The health', 'spam']));
    assert.throws(
      () => checkNamePatterns(['((']),
      /^UsageError: --name "\(\(" is not a valid regular expression: Unterminated group$/,
    );
  });

  it('names feature paths that do not exist, lines and globs aside', () => {
    assert.doesNotThrow(() => checkFeaturePaths(['features', 'features/**/*.feature', 'package.json:3']));
    assert.throws(
      () => checkFeaturePaths(['features/nope', 'features', 'gone.feature:12']),
      /^UsageError: no such feature file or folder: features\/nope, gone\.feature \(/,
    );
  });
});
