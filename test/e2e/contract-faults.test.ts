import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ROOT, runHarness } from '../helpers/run-harness';
import { tempFile } from '../helpers/temp';

/** Runs the scenarios matching `tags` against the embedded service with one deliberate defect. */
async function withFault(fault: string, tags: string): Promise<string> {
  const run = await runHarness('spec', ['--tags', tags, '--format', 'summary', '--no-gate'], {
    SUT_FAULTS: fault,
  });
  assert.equal(run.code, 1, `the fault ${fault} went unnoticed:\n${run.output}`);
  return run.output;
}

describe('contract violations are caught with a message a person can act on', () => {
  it('a field of the wrong type', async () => {
    const output = await withFault('lookup-report-count-as-string', '@REQ-101 and @api');
    assert.match(
      output,
      /Contract violation in lookUpNumber → 200 \(GET http:\/\/127\.0\.0\.1:\d+\/api\/v1\/numbers\/%2B886227208889\):/,
    );
    assert.match(
      output,
      /- response body at \/reportCount: expected integer, actual "4" \(string\) \[rule: type\]/,
    );
  });

  it('a missing required field', async () => {
    const output = await withFault('lookup-missing-kind', '@REQ-101 and @api');
    assert.match(output, /- response body at \/: missing required property "kind" \[rule: required\]/);
  });

  it('an undocumented status', async () => {
    const output = await withFault('health-undocumented-status', '@REQ-501');
    assert.match(output, /- status 418 is not documented for getHealth \(documented: 200\)/);
  });

  it('an undeclared content type', async () => {
    const output = await withFault('health-text-plain', '@REQ-501');
    assert.match(output, /- Content-Type text\/plain is not declared \(declared: application\/json\)/);
  });

  it('a required response header that is missing', async () => {
    const output = await withFault('report-without-location', '@REQ-201 and @smoke and @api');
    assert.match(
      output,
      /Contract violation in reportNumber → 201[\s\S]*- missing required response header Location/,
    );
  });

  it('an invalid request body sent by a step of a scenario not tagged @negative', async () => {
    const feature = tempFile(
      'invalid-request.feature',
      `@contract
Feature: A step sends what the contract forbids
  Scenario: Blocking with a label that is too long, by mistake
    Given the request body:
      """
      {"username": "x{{$unique}}", "password": "long-enough-password", "shoeSize": 44}
      """
    When I call "registerUser"
`,
    );
    const run = await runHarness('spec', [feature, '--format', 'summary', '--no-gate']);
    assert.equal(run.code, 1, run.output);
    assert.match(
      run.output,
      /Contract violation in registerUser → 400[\s\S]*- request body at \/shoeSize: unexpected property "shoeSize" \(additionalProperties: false\) \[rule: additionalProperties\]/,
    );
  });
});

describe('a broken spec stops the run before any scenario, with one line and exit code 2', () => {
  const spec = fs.readFileSync(path.join(ROOT, 'specs/openapi.yaml'), 'utf8');
  const cases: [string, string, RegExp][] = [
    [
      'bad YAML',
      spec.replace('  /health:\n    get:\n', '  /health:\n    get: [oops\n'),
      /^spec: .*broken\.yaml:\d+:\d+: not valid YAML\/JSON: .+$/m,
    ],
    [
      'a $ref to nowhere',
      spec.replace("$ref: '#/components/schemas/Health'", "$ref: '#/components/schemas/Wellness'"),
      /^spec: .*broken\.yaml:\d+:\d+: \$ref to nowhere: #\/components\/schemas\/Wellness at #\/paths\/~1health\/get\/responses\/200\/content\/application~1json\/schema$/m,
    ],
    [
      'an invalid document',
      spec.replace(
        '      operationId: getHealth\n',
        '      operationId: getHealth\n      deprecated: maybe\n',
      ),
      /^spec: .*broken\.yaml:\d+:\d+: invalid OpenAPI document: \/paths\/~1health\/get\/deprecated must be boolean$/m,
    ],
  ];
  for (const [kind, text, message] of cases) {
    it(kind, async () => {
      const run = await runHarness('spec', [], { OPENAPI_SPEC: tempFile('broken.yaml', text) });
      assert.equal(run.code, 2, run.output);
      assert.match(run.output, message);
      assert.equal(run.output.trim().split('\n').length, 1, `more than one line:\n${run.output}`);
      assert.doesNotMatch(run.output, /scenarios? \(/, 'no scenario ran');
    });
  }
});
