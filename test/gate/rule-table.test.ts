import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { ContractCoverage } from '../../support/results/coverage';
import { UsageError } from '../../support/errors';
import { evaluateGate } from '../../support/gate/evaluate';
import { loadPolicy, POLICY_SCHEMA } from '../../support/gate/policy';
import { type RuleOptions } from '../../support/gate/rule-table';
import { GATE_RULES, RULE_IDS } from '../../support/gate/rule-table';
import { emptyGateInputs } from '../helpers/results';
import { ROOT } from '../helpers/run-harness';
import { tempDir } from '../helpers/temp';

describe('the gate rules registry', () => {
  it('is what the policy file may name: the schema has a property per rule, none other', () => {
    const rules = POLICY_SCHEMA.properties.policies.additionalProperties.properties.rules as {
      properties: Record<string, unknown>;
      additionalProperties: boolean;
    };
    assert.deepEqual(Object.keys(rules.properties), Object.keys(GATE_RULES));
    assert.equal(rules.additionalProperties, false);
  });

  it('holds every rule the release policy switches on, and the verdict lists them in its order', () => {
    const release = loadPolicy(path.join(ROOT, 'gate.config.yaml'), 'release');
    assert.deepEqual(Object.keys(release.rules).sort(), [...RULE_IDS].sort());
    const inputs = emptyGateInputs();
    const coverage = {
      ...inputs.coverage,
      totals: { statusPairsPercent: 100, undocumented: 0 },
      uncoveredStatusPairs: [],
    } as unknown as ContractCoverage;
    const gate = evaluateGate(release, { ...inputs, coverage, secretHits: [] });
    assert.deepEqual(
      gate.rules.map((rule) => rule.id),
      ['every-selected-scenario-ran', ...RULE_IDS],
    );
  });

  it('refuses an unknown rule in a policy with one line naming the rule and the file', () => {
    const file = path.join(tempDir('sbe-gate-unknown-rule-'), 'gate.config.yaml');
    fs.writeFileSync(
      file,
      [
        'policies:',
        '  release:',
        '    rules:',
        '      no-failed-scenarios: {}',
        '      no-flaky-tests: {}',
        '',
      ].join('\n'),
    );
    assert.throws(
      () => loadPolicy(file, 'release'),
      (error: unknown) => {
        assert.ok(error instanceof UsageError);
        assert.match(
          error.message,
          /^(?:[^ ]*\/)?gate\.config\.yaml:\d+:\d+: \/policies\/release\/rules must NOT have additional properties "no-flaky-tests"$/,
        );
        return true;
      },
    );
  });

  it("types each rule's options from its schema, the one declaration (checked by tsc)", () => {
    const coverage: NonNullable<RuleOptions['contract-coverage']> = { min: 90, services: { payments: 80 } };
    // @ts-expect-error `min` is required
    const noMinimum: NonNullable<RuleOptions['contract-coverage']> = { services: {} };
    // @ts-expect-error `whenNoBase` is `skip` or `fail`
    const neither: NonNullable<RuleOptions['no-unversioned-breaking-change']> = { whenNoBase: 'never' };
    // @ts-expect-error a tag is a string
    const numbered: NonNullable<RuleOptions['critical-scenarios-pass']> = { tag: 3 };
    assert.ok([coverage, noMinimum, neither, numbered].length === 4);
  });
});
