import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { loadCorpus } from '../../support/gherkin/load-corpus';
import { formatFinding, lintFeatures } from '../../support/lint/feature-rules';
import { loadRequirements } from '../../support/trace/requirements';
import { tempDir } from '../helpers/temp';

const ROOT = path.join(__dirname, '../..');
const catalog = loadRequirements(path.join(ROOT, 'specs/requirements.yaml'));

/** Lints one feature text written to a temporary folder; returns `name:line: message [rule]` lines. */
function lint(text: string, extraCatalog?: string): string[] {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'sample.feature'), text);
  let requirements = catalog;
  if (extraCatalog) {
    fs.writeFileSync(path.join(dir, 'requirements.yaml'), extraCatalog);
    requirements = loadRequirements(path.join(dir, 'requirements.yaml'));
  }
  return lintFeatures(loadCorpus([dir], dir), requirements).map(formatFinding);
}

const clean = `Feature: Lookups
  @REQ-101
  Rule: Named
    @api
    Scenario: A bank is named
      When a caller looks up +886227208889
      Then the caller is identified as the verified business "Acme Bank Customer Service"
`;

describe('feature lint', () => {
  it('passes the features of this repository', () => {
    assert.deepEqual(
      lintFeatures(loadCorpus([path.join(ROOT, 'features')], ROOT), catalog).map(formatFinding),
      [],
    );
  });

  it('passes a clean feature', () => {
    assert.deepEqual(lint(clean), []);
  });

  it('finds a scenario whose requirement tag was removed', () => {
    assert.deepEqual(lint(clean.replace('  @REQ-101\n', '')), [
      'sample.feature:4: scenario "A bank is named" proves no requirement (tag it @REQ-<id>) [no-requirement]',
    ]);
  });

  it('finds a requirement tag the catalogue does not know', () => {
    assert.deepEqual(lint(clean.replace('@REQ-101', '@REQ-999')), [
      'sample.feature:2: @REQ-999 is not in the requirement catalogue [unknown-requirement]',
    ]);
  });

  it('finds a URL put into a business feature', () => {
    assert.deepEqual(
      lint(clean.replace('looks up +886227208889', 'opens https://caller.example/numbers/+886227208889')),
      [
        'sample.feature:6: a URL in a business feature (step "a caller opens https://caller.example/numbers/+886227208889"): move it into a step definition, or tag the feature @contract [technical-detail]',
      ],
    );
  });

  it('finds HTTP verbs, status codes, selectors and JSON, but not in @contract features', () => {
    const technical = `Feature: Tech
  @REQ-101
  Rule: r
    Scenario: one
      When the client sends GET to the lookup
      Then the answer has status 200
      And the element #result > span shows "Fraud"
      And the body is:
        """
        {"spamLevel": "fraud"}
        """
`;
    const rules = lint(technical).map((line) => /\[(.+)\]$/.exec(line)?.[1] ?? line);
    assert.deepEqual(rules, ['technical-detail', 'technical-detail', 'technical-detail', 'technical-detail']);
    assert.match(
      lint(technical).join('\n'),
      /an HTTP verb[\s\S]*an HTTP status code[\s\S]*a CSS selector[\s\S]*JSON/,
    );
    assert.deepEqual(lint(`@contract\n${technical}`), []);
  });

  it('finds technical detail in names, descriptions and Examples tables, each on its line', () => {
    const feature = `Feature: Reports
  People report numbers.
  The reports live at https://wiki.example/reports for the curious.

  Background: The service at https://caller.example is up
    Given a number nobody has reported

  @REQ-101
  Rule: Reports are sent as POST requests

    They go to /api/v1/reports, one per report.

    Scenario: POST to /api/v1/reports returns 201
      Given a number nobody has reported

    Scenario Outline: A report of <category>
      When someone reports the number as <category>

      Examples: Sent to https://caller.example/api
        | category                | /api/v1/body        |
        | scam                    | {"category": "scam"} |
        | https://caller.example/ | fine                |
`;
    assert.deepEqual(
      lint(feature).map((line) => line.replace(/\): move it.*$/, ')')),
      [
        'sample.feature:3: a URL in a business feature (feature description "The reports live at https://wiki.example/reports for the cur")',
        'sample.feature:5: a URL in a business feature (background name "The service at https://caller.example is up")',
        'sample.feature:9: an HTTP verb in a business feature (rule name "Reports are sent as POST requests")',
        'sample.feature:11: a URL in a business feature (rule description "They go to /api/v1/reports, one per report.")',
        'sample.feature:13: a URL in a business feature (scenario name "POST to /api/v1/reports returns 201")',
        'sample.feature:19: a URL in a business feature (examples name "Sent to https://caller.example/api")',
        'sample.feature:20: a URL in a business feature (examples table "/api/v1/body")',
        'sample.feature:21: JSON in a business feature (examples table "{"category": "scam"}")',
        'sample.feature:22: a URL in a business feature (examples table "https://caller.example/")',
      ],
    );
    assert.deepEqual(lint(`@contract\n${feature}`), []);
  });

  it('finds technical detail in a scenario description and an Examples description', () => {
    const findings = lint(`Feature: F
  @REQ-101
  Rule: r
    Scenario Outline: o <n>
      It checks that the response has status 404.
      Given a number nobody has reported

      Examples: e


        The table below is sent as {"n": 1}.
        | n |
        | 1 |
`);
    assert.deepEqual(
      findings.map((line) => line.replace(/\): move it.*$/, ')')),
      [
        'sample.feature:5: an HTTP status code in a business feature (scenario description "It checks that the response has status 404.")',
        'sample.feature:11: JSON in a business feature (examples description "The table below is sent as {"n": 1}.")',
      ],
    );
  });

  it('finds @only and @wip left behind, and duplicate scenario names', () => {
    const findings = lint(`Feature: F
  @REQ-101
  Rule: r
    @only
    Scenario: same
      Given a number nobody has reported
    @wip
    Scenario: same
      Given a number nobody has reported
`);
    assert.deepEqual(findings, [
      'sample.feature:4: @only left behind [left-behind]',
      'sample.feature:7: @wip left behind [left-behind]',
      'sample.feature:8: scenario name "same" is already used on line 5 [duplicate-name]',
    ]);
  });

  it('finds a retired requirement still tested', () => {
    const retired = `trackers:\n  default: https://t.example/{id}\nrequirements:\n  - id: REQ-101\n    title: t\n    capability: c\n    priority: low\n    owner: o\n    status: retired\n    acceptance: [a]\n`;
    assert.deepEqual(lint(clean, retired), [
      'sample.feature:2: @REQ-101 is retired but still tested [retired-requirement]',
    ]);
  });

  it('reports a feature that does not parse, with its line', () => {
    const [finding] = lint(
      'Feature: Broken\n  Scenario: one\n    Given a step\n  | a table without a step |\n   Oops not a keyword\n',
    );
    assert.match(finding ?? '', /^sample\.feature:5: .*\[parse-error\]$/);
  });
});

describe('the requirement catalogue', () => {
  function load(text: string): string {
    const file = path.join(tempDir(), 'requirements.yaml');
    fs.writeFileSync(file, text);
    try {
      loadRequirements(file);
      return 'loaded';
    } catch (error) {
      return (error as Error).message.replace(/^[^:]*requirements\.yaml/, 'requirements.yaml');
    }
  }

  it('builds each requirement link from its tracker template', () => {
    assert.equal(catalog.get('REQ-110')?.link, 'https://tracker.example/browse/REQ-110');
  });

  it('names the line of a malformed entry', () => {
    const text = `trackers:\n  default: https://t.example/{id}\nrequirements:\n  - id: REQ-1\n    title: t\n    capability: c\n    priority: urgent\n    owner: o\n    status: active\n    acceptance: [a]\n`;
    assert.equal(
      load(text),
      'requirements.yaml:7:15: /requirements/0/priority must be equal to one of the allowed values (critical, high, medium, low)',
    );
  });

  it('names the line of a YAML error', () => {
    assert.match(load('trackers: [\nrequirements: x\n'), /^requirements\.yaml:\d+:\d+: not valid YAML: /);
  });

  it('refuses the same id twice', () => {
    const entry = `  - id: REQ-1\n    title: t\n    capability: c\n    priority: low\n    owner: o\n    status: active\n    acceptance: [a]\n`;
    assert.equal(
      load(`trackers:\n  default: https://t.example/{id}\nrequirements:\n${entry}${entry}`),
      'requirements.yaml:11:9: REQ-1 is listed twice',
    );
  });
});
