import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { UsageError } from '../../support/errors';
import { LONG_WITH_VALUE, SHORT_WITH_VALUE } from '../../support/preflight/cucumber-options';
import {
  checkFeaturePaths,
  checkNamePatterns,
  parseCucumberArguments,
} from '../../support/preflight/command-line';

const CUCUMBER_BIN = path.join(
  path.dirname(require.resolve('@cucumber/cucumber/package.json')),
  'bin/cucumber.js',
);

describe("npm run spec's command line", () => {
  it('takes cucumber options as cucumber does', async () => {
    const { configuration, options, paths } = await parseCucumberArguments([
      '--tags',
      '@smoke',
      'features/x.feature',
    ]);
    assert.equal(configuration.tags, '(@smoke)');
    assert.deepEqual(configuration.paths, ['features/x.feature']);
    assert.deepEqual(options, ['--tags', '@smoke']);
    assert.deepEqual(paths, ['features/x.feature']);
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
    assert.deepEqual(parsed.options, ['--tags', '@smoke']);
    assert.deepEqual(parsed.paths, ['features']);
    assert.equal((await parseCucumberArguments(['-c', 'a.cjs'])).configFile, 'a.cjs');
    assert.equal((await parseCucumberArguments(['--config=b.cjs'])).configFile, 'b.cjs');
    await assert.rejects(
      parseCucumberArguments(['--tags', '@x', '--profile']),
      /^UsageError: option '-p, --profile <NAME>' argument missing \(npm run spec -- --help/,
    );
  });

  it('reads short flags together, never a value as an option, and everything after -- as a path', async () => {
    const clustered = await parseCucumberArguments(['-dp', 'ci', '-bt', '@smoke', 'features']);
    assert.deepEqual(clustered.profiles, ['ci']);
    assert.deepEqual(clustered.options, ['-d', '-b', '-t', '@smoke']);
    assert.equal(clustered.configuration.dryRun, true);
    assert.deepEqual(clustered.paths, ['features']);
    const values = await parseCucumberArguments(['--name', '-px', '--retry', '1', '--', '-odd.feature']);
    assert.deepEqual(values.profiles, []);
    assert.deepEqual(values.options, ['--name', '-px', '--retry', '1']);
    assert.deepEqual(values.paths, ['-odd.feature']);
  });

  it("knows every cucumber option that takes a value, as cucumber's --help lists them", () => {
    const help = execFileSync(process.execPath, [CUCUMBER_BIN, '--help'], { encoding: 'utf8' });
    const withValue = [...help.matchAll(/^\s+(?:-(\w), )?(--[\w-]+)(?:, --[\w-]+)? <[^>]+>/gm)];
    assert.ok(withValue.length > 10, help);
    assert.deepEqual(withValue.map((match) => match[2]).sort(), [...LONG_WITH_VALUE].sort());
    assert.deepEqual(
      withValue.flatMap((match) => (match[1] ? [match[1]] : [])).sort(),
      [...SHORT_WITH_VALUE].sort(),
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
