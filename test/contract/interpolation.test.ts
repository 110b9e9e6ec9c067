import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { DataTable } from '@cucumber/cucumber';
import { interpolate } from '../../support/contract/interpolation';
import { interpolateArguments, withInterpolation } from '../../support/cucumber/with-interpolation';
import { UsageError } from '../../support/errors';
import { runHarness } from '../helpers/run-harness';

const INTERPOLATION_FEATURE = path.join(__dirname, '../fixtures/contract/interpolation.feature');

const memory: Record<string, unknown> = { id: 7, user: 'alice', list: [1] };
const recall = (name: string): unknown => memory[name];
const fill = (text: string): string => interpolate(text, recall);

describe('{{name}} interpolation', () => {
  it('replaces {{name}} with remembered values: text as is, anything else as JSON', () => {
    assert.equal(fill('/users/{{user}}/items/{{ id }} {{list}}'), '/users/alice/items/7 [1]');
  });

  it('fills in every string argument, doc string and table cell, and leaves other values alone', () => {
    const table = new DataTable([
      ['path', 'value'],
      ['items[{{id}}].owner', '{{user}}'],
    ]);
    const [header, count, doc, filled] = interpolateArguments(
      ['X-{{user}}', 3, '{"id": {{id}}}', table],
      fill,
    );
    assert.equal(header, 'X-alice');
    assert.equal(count, 3);
    assert.equal(doc, '{"id": 7}');
    assert.ok(filled instanceof DataTable);
    assert.deepEqual(filled.raw(), [
      ['path', 'value'],
      ['items[7].owner', 'alice'],
    ]);
    assert.deepEqual(table.raw()[1], ['items[{{id}}].owner', '{{user}}'], 'the original table is unchanged');
  });

  it('wraps a step body: the World fills in the arguments, and the arity cucumber checks is kept', async () => {
    const seen: unknown[] = [];
    const body = function (this: { interpolate(text: string): string }, a: string, b: string): void {
      seen.push(a, b);
    };
    const wrapped = withInterpolation(body);
    assert.equal(wrapped.length, 2);
    await wrapped.call({ interpolate: fill }, '{{user}}', 'items/{{id}}');
    assert.deepEqual(seen, ['alice', 'items/7']);
  });

  it("a name recall does not know is an error naming the placeholder, with recall's reason", () => {
    assert.throws(
      () =>
        interpolate('Bearer {{tokn}}', () => {
          throw new Error('Nothing was remembered as "tokn" (remembered: "token")');
        }),
      (error: unknown) => {
        assert.ok(error instanceof UsageError);
        assert.equal(
          error.message,
          'unknown placeholder {{tokn}}: nothing was remembered as "tokn" (remembered: "token")',
        );
        return true;
      },
    );
  });
});

interface ScenarioOutcome {
  readonly name: string;
  readonly status: string;
  readonly error?: string;
}

describe('{{name}} in the generic contract steps, run against the embedded service', () => {
  let scenarios: ScenarioOutcome[];
  before(async () => {
    const run = await runHarness('spec', [INTERPOLATION_FEATURE, '--format', 'summary', '--no-gate']);
    assert.equal(run.code, 1, `three scenarios are meant to fail:\n${run.output}`);
    scenarios = (
      JSON.parse(fs.readFileSync(path.join(run.reportsDir, 'results.json'), 'utf8')) as {
        scenarios: ScenarioOutcome[];
      }
    ).scenarios;
  });

  function outcome(name: string): ScenarioOutcome {
    const found = scenarios.find((scenario) => scenario.name === name);
    assert.ok(found, `no scenario "${name}" in ${JSON.stringify(scenarios.map((s) => s.name))}`);
    return found;
  }

  it('fills in the path of `response body at`, of the `matches:` table and of `remember`, and the name remembered', () => {
    const { status, error } = outcome(
      'A remembered field name serves as the path of every step that takes one',
    );
    assert.equal(status, 'PASSED', error);
  });

  for (const where of ['a header name', 'an operationId', 'the path column of a table']) {
    it(`an unknown name in ${where} fails the step, naming the placeholder and what was remembered`, () => {
      const { status, error } = outcome(`An unknown name in ${where}`);
      assert.equal(status, 'FAILED');
      assert.match(
        error ?? '',
        /UsageError: unknown placeholder \{\{nothing\}\}: nothing was remembered as "nothing" in this scenario \(remembered: [^)]+\)/,
      );
    });
  }
});
