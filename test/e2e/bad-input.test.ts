import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { runHarness } from '../helpers/run-harness';

const FIXTURES = 'test/fixtures/bad-input';
const fixture = (name: string): string => `${FIXTURES}/${name}`;

interface BadInput {
  readonly name: string;
  readonly args: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
  /** Every line the user must see, each naming the file and line, operation or variable. */
  readonly says: readonly RegExp[];
}

/**
 * Bad input of every kind stops `npm run spec` before any scenario runs, with exit code 2 and one
 * line per problem that names where it is — never a stack trace, never a scenario run.
 */
const CASES: readonly BadInput[] = [
  {
    name: 'a feature file with a syntax error',
    args: [fixture('syntax-error.feature')],
    says: [
      /^ {2}test\/fixtures\/bad-input\/syntax-error\.feature:7: expected: #TagLine, .*got 'Given a step after a lonely tag'$/m,
      /^ {2}test\/fixtures\/bad-input\/syntax-error\.feature:8: unexpected end of file/m,
    ],
  },
  {
    name: 'a feature file in an unknown language',
    args: [fixture('unknown-language.feature')],
    says: [
      /^ {2}test\/fixtures\/bad-input\/unknown-language\.feature:1: Language not supported: xx-klingon$/m,
    ],
  },
  {
    name: 'a table whose rows do not line up',
    args: [fixture('bad-table.feature')],
    says: [
      /^ {2}test\/fixtures\/bad-input\/bad-table\.feature:6: inconsistent cell count within the table$/m,
    ],
  },
  {
    name: 'an unknown operationId, parameter name or malformed JSON in contract steps',
    args: [fixture('contract-mistakes.feature')],
    says: [
      /^ {2}test\/fixtures\/bad-input\/contract-mistakes\.feature:5: unknown operation "getHealthz" in specs\/openapi\.yaml; the operations are: getHealth, /m,
      /^ {2}test\/fixtures\/bad-input\/contract-mistakes\.feature:8: lookUpNumber has no parameter "numbr"; its parameters are: number \(path\)$/m,
      /^ {2}test\/fixtures\/bad-input\/contract-mistakes\.feature:14: the request body is not valid JSON: /m,
    ],
  },
  {
    name: 'unknown markers, a marker with a bad pattern and a wrong name in a headless table',
    args: [fixture('unknown-marker.feature')],
    says: [
      /^ {2}test\/fixtures\/bad-input\/unknown-marker\.feature:5: lookUpNumber has no parameter "numbr"; its parameters are: number \(path\)$/m,
      /^ {2}test\/fixtures\/bad-input\/unknown-marker\.feature:8: unknown marker "#strnig" \(markers: #ignore, #present, #notpresent, .*#\[N\], ##…\)$/m,
      /^ {2}test\/fixtures\/bad-input\/unknown-marker\.feature:9: marker #regex <pattern>: "#regex \(\[a-z\]" is not a regular expression: /m,
      /^ {2}test\/fixtures\/bad-input\/unknown-marker\.feature:11: unknown marker "#json" /m,
      /^ {2}test\/fixtures\/bad-input\/unknown-marker\.feature:12: unknown marker "#arrray" /m,
    ],
  },
  {
    name: 'an undefined and an ambiguous step',
    args: [fixture('undefined-and-ambiguous.feature'), '--require', fixture('ambiguous.steps.ts')],
    says: [
      /^ {2}test\/fixtures\/bad-input\/undefined-and-ambiguous\.feature:5: undefined step "the service has been up for a week": no step definition matches it/m,
      /^ {2}test\/fixtures\/bad-input\/undefined-and-ambiguous\.feature:8: ambiguous step "a step that two definitions match": it matches /m,
    ],
  },
  {
    name: 'an invalid tag expression',
    args: ['--tags', '@api and ('],
    says: [/^spec: --tags: ".*@api and \(.*" is not a tag expression: /m],
  },
  {
    name: 'tags that select nothing',
    args: ['--tags', '@no-such-tag'],
    says: [
      /^ {2}no scenario selected: the run is narrowed by tags "@no-such-tag", and no scenario of the whole suite matches$/m,
    ],
  },
  {
    name: 'a malformed requirement catalogue',
    args: ['--tags', '@smoke'],
    env: { REQUIREMENTS: fixture('requirements.yaml') },
    says: [/^spec: test\/fixtures\/bad-input\/requirements\.yaml:4:1: not valid YAML: /m],
  },
  {
    name: 'a malformed gate policy',
    args: ['--tags', '@smoke'],
    env: { GATE_POLICY: fixture('gate.yaml') },
    says: [
      /^spec: test\/fixtures\/bad-input\/gate\.yaml:5:14: \/policies\/release\/rules\/contract-coverage\/min must be number$/m,
    ],
  },
  {
    name: 'a BASE_URL that is not a URL',
    args: ['--tags', '@smoke'],
    env: { BASE_URL: 'localhost:8080' },
    says: [/^spec: BASE_URL: "localhost:8080" must be an http\(s\) or ws\(s\) URL$/m],
  },
  {
    name: 'a BASE_URL where nothing answers',
    args: ['--tags', '@smoke'],
    env: { BASE_URL: 'http://127.0.0.1:1', HEALTH_WAIT: '500' },
    says: [
      /^ {2}BASE_URL: the service does not answer: getHealth \(GET http:\/\/127\.0\.0\.1:1\/api\/v1\/health\) failed: ECONNREFUSED /m,
    ],
  },
  {
    name: 'an invalid SHARD',
    args: [],
    env: { SHARD: '4/3' },
    says: [/^spec: SHARD: "4\/3" is not a shard such as 1\/3 \(index from 1 to the total\)$/m],
  },
  {
    name: 'an invalid WORKERS',
    args: [],
    env: { WORKERS: 'two' },
    says: [/^spec: WORKERS: "two" is not a whole number$/m],
  },
  {
    name: 'UI scenarios with no browser',
    args: ['--tags', '@ui and @REQ-101'],
    env: { CHROMIUM_PATH: '/nonexistent/chromium' },
    says: [
      /^ {2}UI scenarios are selected but there is no browser: CHROMIUM_PATH: \/nonexistent\/chromium does not exist; install one with `npm run setup`/m,
    ],
  },
];

describe('bad input to npm run spec', () => {
  for (const bad of CASES) {
    it(`${bad.name}: exit 2, one located line each, nothing run`, async () => {
      const run = await runHarness('spec', bad.args, bad.env ?? {});
      assert.equal(run.code, 2, run.output);
      for (const line of bad.says) assert.match(run.output, line);
      assert.doesNotMatch(run.output, /^\s+at /m, 'no stack trace');
      assert.ok(
        !fs.existsSync(path.join(run.reportsDir, 'messages.ndjson')),
        'no scenario ran: there is no message stream',
      );
      const lines = run.output.trim().split('\n');
      const problems = lines.filter((line) => /^( {2}|spec: )/.test(line));
      assert.equal(problems.length, bad.says.length, `one line per problem:\n${run.output}`);
    });
  }
});
