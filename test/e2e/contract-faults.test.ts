import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ROOT, runHarness, type HarnessRun } from '../helpers/run-harness';
import { tempFile } from '../helpers/temp';

/** Runs the scenarios matching `tags` against the embedded service with one deliberate defect. */
async function withFault(fault: string, tags: string): Promise<HarnessRun> {
  const run = await runHarness('spec', ['--tags', tags, '--format', 'summary', '--no-gate'], {
    SUT_FAULTS: fault,
  });
  assert.equal(run.code, 1, `the fault ${fault} went unnoticed:\n${run.output}`);
  return run;
}

interface Envelope {
  readonly attachment?: {
    readonly body: string;
    readonly fileName?: string;
    readonly testCaseStartedId?: string;
    readonly testStepId?: string;
  };
  readonly testStepFinished?: {
    readonly testCaseStartedId: string;
    readonly testStepId: string;
    readonly testStepResult: { readonly status: string; readonly message?: string };
  };
}

interface Expected {
  /** `lookUpNumber → 200`: the failure names it, and the attachment is `HTTP <it>.json`. */
  readonly exchange: string;
  /** One violation, as the step's failure lists it. */
  readonly violation: RegExp;
  /** Who made the exchange: a step through the API client, or the web app in the browser. */
  readonly source?: 'api' | 'browser';
}

/**
 * The failing step names the exchange and the violation, and carries the exchange as an attachment:
 * in the summary (the attachment line inside the failing step's block) and in the message stream
 * (an attachment of that very step, whose record holds the same violation).
 */
function assertViolationAttached(run: HarnessRun, expected: Expected): void {
  const fileName = `HTTP ${expected.exchange}.json`;
  const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const blocks = run.output.split(/\n(?= {3}[✔✖?-] )/).filter((block) => block.startsWith('   ✖ '));
  const failing = blocks.find((block) => block.includes(`Contract violation in ${expected.exchange} (`));
  assert.ok(failing, `no failing step names "Contract violation in ${expected.exchange}":\n${run.output}`);
  assert.match(failing, new RegExp(`\\n\\s+Attachment \\(application/json\\): ${escaped(fileName)}\\n`));
  const listed = failing.split('\n').flatMap((line) => /^\s+- (.*)$/.exec(line)?.slice(1) ?? []);
  assert.ok(
    listed.some((violation) => expected.violation.test(violation)),
    `the failing step does not list ${String(expected.violation)}:\n${failing}`,
  );
  assert.match(failing, /^ {3}✖ (Given|When|Then|And|But) /, 'a step fails, not a hook');

  const envelopes = fs
    .readFileSync(path.join(run.reportsDir, 'messages.ndjson'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Envelope);
  const failedSteps = new Set(
    envelopes.flatMap(({ testStepFinished: finished }) =>
      finished?.testStepResult.status === 'FAILED' &&
      finished.testStepResult.message?.includes(`Contract violation in ${expected.exchange} (`)
        ? [`${finished.testCaseStartedId} ${finished.testStepId}`]
        : [],
    ),
  );
  const attached = envelopes.filter(
    ({ attachment }) =>
      attachment?.fileName === fileName &&
      failedSteps.has(`${attachment.testCaseStartedId} ${attachment.testStepId}`),
  );
  assert.ok(attached.length > 0, `no ${fileName} attached to the step that failed`);
  const record = JSON.parse(attached[0]!.attachment!.body) as {
    kind: string;
    exchange: { source: string };
    assessment: { violations: string[] };
  };
  assert.equal(record.kind, 'http-exchange');
  assert.equal(record.exchange.source, expected.source ?? 'api');
  assert.ok(
    record.assessment.violations.some((violation) => expected.violation.test(violation)),
    `the attached exchange does not hold the violation: ${JSON.stringify(record.assessment.violations)}`,
  );
}

describe('contract violations are caught with a message a person can act on, the exchange attached', () => {
  it('a field of the wrong type', async () => {
    const run = await withFault('lookup-report-count-as-string', '@REQ-101 and @api');
    assert.match(
      run.output,
      /Contract violation in lookUpNumber → 200 \(GET http:\/\/127\.0\.0\.1:\d+\/api\/v1\/numbers\/%2B886227208889\):/,
    );
    assertViolationAttached(run, {
      exchange: 'lookUpNumber → 200',
      violation: /^response body at \/reportCount: expected integer, actual "4" \(string\) \[rule: type\]$/,
    });
  });

  it('a field of the wrong type in an exchange the web app made in the browser', async () => {
    const run = await withFault('lookup-report-count-as-string', '@REQ-101 and @ui');
    assertViolationAttached(run, {
      exchange: 'lookUpNumber → 200',
      violation: /^response body at \/reportCount: expected integer, actual "4" \(string\) \[rule: type\]$/,
      source: 'browser',
    });
  });

  it('a missing required field', async () => {
    const run = await withFault('lookup-missing-kind', '@REQ-101 and @api');
    assertViolationAttached(run, {
      exchange: 'lookUpNumber → 200',
      violation: /^response body at \/: missing required property "kind" \[rule: required\]$/,
    });
  });

  it('an undocumented status', async () => {
    const run = await withFault('health-undocumented-status', '@REQ-501');
    assertViolationAttached(run, {
      exchange: 'getHealth → 418',
      violation: /^status 418 is not documented for getHealth \(documented: 200\)$/,
    });
  });

  it('an undeclared content type', async () => {
    const run = await withFault('health-text-plain', '@REQ-501');
    assertViolationAttached(run, {
      exchange: 'getHealth → 200',
      violation: /^Content-Type text\/plain is not declared \(declared: application\/json\)$/,
    });
  });

  it('a declared response header that is missing', async () => {
    const run = await withFault('report-without-location', '@REQ-201 and @smoke and @api');
    assertViolationAttached(run, {
      exchange: 'reportNumber → 201',
      violation:
        /^missing response header Location, declared for reportNumber → 201 \(mark it required: false if it is optional\)$/,
    });
  });

  it('an invalid request body sent by a step of a scenario not tagged @negative', async () => {
    const feature = tempFile(
      'invalid-request.feature',
      `@contract
Feature: A step sends what the contract forbids
  Scenario: Registering with a property the contract does not know, by mistake
    Given the request body:
      """
      {"username": "x{{$unique}}", "password": "long-enough-password", "shoeSize": 44}
      """
    When I call "registerUser"
`,
    );
    const run = await runHarness('spec', [feature, '--format', 'summary', '--no-gate']);
    assert.equal(run.code, 1, run.output);
    assertViolationAttached(run, {
      exchange: 'registerUser → 400',
      violation:
        /^request body at \/shoeSize: unexpected property "shoeSize" \(additionalProperties: false\) \[rule: additionalProperties\]$/,
    });
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
