import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { loadConfig } from '../../support/config/config';
import { loadContract, type Contract } from '../../support/contract/load';
import { markFlakyResults } from '../../support/report/allure-metadata';
import { commitId, runEnvironment, writeAllureExtras } from '../../support/report/run-environment';
import { ROOT } from '../helpers/run-harness';
import { tempDir } from '../helpers/temp';

/** The `key=value` lines of environment.properties, unescaped. */
function properties(dir: string): Record<string, string> {
  const text = fs.readFileSync(path.join(dir, 'environment.properties'), 'utf8');
  return Object.fromEntries(
    text
      .trim()
      .split('\n')
      .map((line) => {
        const at = /(?<!\\)=/.exec(line)?.index ?? line.length;
        const unescape = (part: string): string => part.replace(/\\(.)/g, '$1');
        return [unescape(line.slice(0, at)), unescape(line.slice(at + 1))];
      }),
  );
}

function writeResult(dir: string, name: string, result: Record<string, unknown>): void {
  fs.writeFileSync(path.join(dir, `${name}-result.json`), JSON.stringify(result));
}

const readResult = (dir: string, name: string): { statusDetails?: { flaky?: boolean } } =>
  JSON.parse(fs.readFileSync(path.join(dir, `${name}-result.json`), 'utf8')) as {
    statusDetails?: { flaky?: boolean };
  };

describe("Allure's environment.properties", () => {
  let contract: Contract;
  before(async () => {
    contract = await loadContract(path.join(ROOT, 'specs/openapi.yaml'));
  });

  it('names the deployment BASE_URL points at, without its credentials or query', () => {
    const dir = tempDir();
    const config = loadConfig({ BASE_URL: 'https://qa:s3cret-pw@api.example.com/?token=abc123' }, ROOT);
    writeAllureExtras(
      dir,
      runEnvironment(config, [{ name: 'caller-id', contract }], { browser: 'chromium 131.0.6778.33' }),
    );
    const environment = properties(dir);
    assert.equal(environment['Base URL'], 'https://api.example.com/api/v1');
    assert.equal(environment['UI URL'], 'https://api.example.com');
    assert.equal(environment.Target, 'a deployment (BASE_URL)');
    assert.equal(environment.Spec, contract.title);
    assert.equal(environment['Spec version'], contract.version);
    assert.equal(environment.Browser, 'chromium');
    assert.equal(environment['Browser version'], '131.0.6778.33');
    const text = fs.readFileSync(path.join(dir, 'environment.properties'), 'utf8');
    assert.doesNotMatch(text, /s3cret-pw|qa@|abc123/);
  });

  it("names the embedded services' loopback URLs, from the origins the run's exchanges went to", () => {
    const dir = tempDir();
    const origins = ['http://127.0.0.1:40001', 'http://127.0.0.1:40002'];
    writeAllureExtras(
      dir,
      runEnvironment(loadConfig({}, ROOT), [{ name: 'caller-id', contract }], { origins }),
    );
    const environment = properties(dir);
    assert.equal(environment['Base URL'], 'http://127.0.0.1:40001/api/v1');
    assert.equal(environment['UI URL'], 'http://127.0.0.1:40001');
    assert.equal(
      environment.Target,
      'the embedded service, started by the harness: 2 instances (http://127.0.0.1:40001/api/v1, http://127.0.0.1:40002/api/v1)',
    );
    assert.equal(environment.Browser, 'not used (no UI scenario ran)');
  });

  it('says so when a run against the embedded service made no HTTP exchange', () => {
    const dir = tempDir();
    writeAllureExtras(dir, runEnvironment(loadConfig({}, ROOT), [{ name: 'caller-id', contract }], {}));
    assert.equal(properties(dir)['Base URL'], 'not used (no HTTP exchange)');
  });
});

describe('flaky results', () => {
  it('flags the last attempt when it passed after a failed or broken one, and nothing else', () => {
    const dir = tempDir();
    // Retried and passed: flaky.
    writeResult(dir, 'r1', { historyId: 'h1', status: 'broken', start: 1, statusDetails: { message: 'x' } });
    writeResult(dir, 'r2', { historyId: 'h1', status: 'passed', start: 2, statusDetails: {} });
    // Retried and failed every time: not flaky.
    writeResult(dir, 'f1', { historyId: 'h2', status: 'failed', start: 1 });
    writeResult(dir, 'f2', { historyId: 'h2', status: 'failed', start: 2 });
    // Passed, then failed on a later attempt (the order of files says nothing): not flaky.
    writeResult(dir, 'z1', { historyId: 'h3', status: 'failed', start: 9 });
    writeResult(dir, 'z2', { historyId: 'h3', status: 'passed', start: 3 });
    // Passed at once: not flaky.
    writeResult(dir, 'p1', { historyId: 'h4', status: 'passed', start: 1 });
    fs.writeFileSync(path.join(dir, 'broken-result.json'), '{ not json');

    assert.equal(markFlakyResults(dir), 1);
    assert.equal(readResult(dir, 'r2').statusDetails?.flaky, true);
    // The flag is added to the whole result, read again: nothing else of it is lost.
    assert.deepEqual(readResult(dir, 'r2'), {
      historyId: 'h1',
      status: 'passed',
      start: 2,
      statusDetails: { flaky: true },
    });
    for (const name of ['r1', 'f1', 'f2', 'z1', 'z2', 'p1'])
      assert.notEqual(readResult(dir, name).statusDetails?.flaky, true, name);
    // A second pass (npm run report after the run) changes nothing.
    const before = fs.readFileSync(path.join(dir, 'r2-result.json'), 'utf8');
    assert.equal(markFlakyResults(dir), 1);
    assert.equal(fs.readFileSync(path.join(dir, 'r2-result.json'), 'utf8'), before);
  });
});

describe("the commit Allure's environment names", () => {
  const head = '0123456789abcdef0123456789abcdef01234567';

  it('is the one the CI says it built, else the one checked out, else unknown; twelve characters', () => {
    assert.equal(commitId(head, { GITHUB_SHA: 'fedcba9876543210fedcba98' }), 'fedcba987654');
    assert.equal(
      commitId(head, { GIT_COMMIT: 'aaaaaaaaaaaaaaaa', CI_COMMIT_SHA: 'bbbbbbbbbbbbbbbb' }),
      'aaaaaaaaaaaa',
    );
    assert.equal(commitId(head, {}), '0123456789ab');
    assert.equal(commitId(undefined, {}), 'unknown');
  });

  it('passes over a CI variable that is set but empty, as a template leaves it', () => {
    assert.equal(commitId(head, { GIT_COMMIT: '', GITHUB_SHA: '  ' }), '0123456789ab');
    assert.equal(commitId(head, { GIT_COMMIT: '', CI_COMMIT_SHA: 'cccccccccccccccc' }), 'cccccccccccc');
    assert.equal(commitId(undefined, { GIT_COMMIT: '' }), 'unknown');
  });
});
