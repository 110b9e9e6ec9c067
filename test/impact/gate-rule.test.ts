import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { gateTable, junitXml } from '../../support/gate/outputs';
import { evaluateGate } from '../../support/gate/evaluate';
import { loadPolicy } from '../../support/gate/policy';
import { loadConfig } from '../../support/config/config';
import { gateImpact, judgeBreakingChanges } from '../../support/impact/gate-rule';
import { contractHash } from '../../support/impact/impact-files';
import { writeImpact } from '../../support/impact/impact-files';
import type { Impact, ImpactedChange, ServiceImpact } from '../../support/impact/impact-model';
import { emptyGateInputs } from '../helpers/results';
import { tempDir, tempFile } from '../helpers/temp';
import { ROOT, at, project } from './contract-repo';

const removed: ImpactedChange = {
  kind: 'operation-removed',
  direction: 'operation',
  operation: 'identifyForPartner',
  label: 'identifyForPartner',
  service: 'caller-id',
  method: 'GET',
  path: '/partner/numbers/{number}',
  where: '',
  text: 'GET /partner/numbers/{number} removed',
  breaksClients: true,
  breaksProvider: false,
  scenarios: [],
  requirements: [],
};
const compatible: ImpactedChange = {
  ...removed,
  kind: 'status-added',
  text: 'status 404 added',
  breaksClients: false,
};

function impactOf(changes: ImpactedChange[], service: Partial<ServiceImpact> = {}): Impact {
  return {
    schemaVersion: 1,
    base: 'v1',
    generatedAt: '2026-01-01T00:00:00Z',
    lastRun: null,
    services: [
      {
        name: 'caller-id',
        contract: 'specs/openapi.yaml',
        base: 'v1:specs/openapi.yaml',
        baseVersion: '1.0.0',
        version: '1.1.0',
        majorBumped: false,
        contractHash: '',
        changes,
        ...service,
      },
    ],
    totals: {
      changes: 0,
      breakingForClients: 0,
      breakingForProvider: 0,
      operationsChanged: 0,
      scenariosAffected: 0,
    },
    unexercised: [],
    affectedScenarios: [],
  };
}

describe('the no-unversioned-breaking-change rule', () => {
  it('is on in the release policy of the committed gate file', () => {
    assert.ok(
      loadPolicy(path.join(ROOT, 'gate.config.yaml'), 'release').rules['no-unversioned-breaking-change'],
    );
  });

  it('a breaking change without a major bump is a no-go that lists the change and the versions', () => {
    const verdict = judgeBreakingChanges({ impact: impactOf([removed, compatible]) });
    assert.equal(verdict.passed, false);
    assert.equal(verdict.actual, '1 since v1');
    assert.deepEqual(verdict.details, [
      'breaking: identifyForPartner: GET /partner/numbers/{number} removed',
      'caller-id: info.version 1.0.0 → 1.1.0: bump the major to release these breaking changes, or undo them',
    ]);
  });

  it('the same change with the major bumped, or only compatible changes, pass', () => {
    const bumped = judgeBreakingChanges({
      impact: impactOf([removed], { version: '2.0.0', majorBumped: true }),
    });
    assert.deepEqual([bumped.passed, bumped.actual], [true, '0 since v1 (+1 with the major bumped)']);
    assert.equal(judgeBreakingChanges({ impact: impactOf([compatible]) }).passed, true);
    const partly = judgeBreakingChanges({
      impact: {
        ...impactOf([compatible]),
        notCompared: [{ service: 'library', reason: 'not in a git repository' }],
      },
    });
    assert.deepEqual([partly.passed, partly.actual], [false, '0 since v1, 1 service(s) not compared']);
    assert.deepEqual(partly.details, ['not compared: library: not in a git repository']);
  });

  it('in the gate: the rule is judged, its failure is a reason of the no-go', () => {
    const { results, coverage, traceability } = emptyGateInputs();
    const policy = { name: 'release', description: '', rules: { 'no-unversioned-breaking-change': {} } };
    const gate = evaluateGate(policy, {
      results,
      coverage,
      traceability,
      impact: { impact: impactOf([removed]) },
    });
    assert.equal(gate.verdict, 'no-go');
    assert.match(
      gate.reasons.join('\n'),
      /^no-unversioned-breaking-change: 1 since v1 .*identifyForPartner/m,
    );
    const skipped = evaluateGate(policy, {
      results,
      coverage,
      traceability,
      impact: { unavailable: 'no base', skip: true },
    });
    assert.equal(skipped.verdict, 'go');
    assert.deepEqual(
      skipped.rules.filter((rule) => rule.skipped).map((rule) => [rule.id, rule.actual]),
      [['no-unversioned-breaking-change', 'skipped: no base']],
    );
    // Every output says skipped, not pass: a rule that judged nothing is not a green check.
    assert.match(gateTable(skipped), /no-unversioned-breaking-change.*skipped/);
    assert.match(
      junitXml(results, skipped),
      /no-unversioned-breaking-change[^>]*>\s*<skipped message="skipped: no base"\/>/,
    );
  });

  it('a gate file with an unknown whenNoBase is refused', () => {
    const file = tempFile(
      'gate.yaml',
      'policies:\n  release:\n    rules:\n      no-unversioned-breaking-change: { whenNoBase: maybe }\n',
    );
    assert.throws(() => loadPolicy(file, 'release'), /gate\.yaml.*whenNoBase|must be equal to one of/);
  });
});

describe('where the rule gets its base', () => {
  const contract = path.join(ROOT, 'specs/openapi.yaml');
  const settings = loadConfig({}, ROOT);

  it('no base and no impact report: skipped, saying how to give one; or a no-go with whenNoBase: fail', async () => {
    const reportsDir = tempDir('sbe-gate-impact-');
    const skipped = await gateImpact({}, settings, reportsDir, {});
    assert.deepEqual(skipped, {
      unavailable:
        "no base to compare the contract with: set IMPACT_BASE, the rule's base option, or run npm run impact -- --base <ref> first",
      skip: true,
    });
    assert.equal(judgeBreakingChanges(skipped).passed, true);
    assert.equal(
      judgeBreakingChanges(await gateImpact({ whenNoBase: 'fail' }, settings, reportsDir, {})).passed,
      false,
    );
  });

  it('reads reports/impact.json written for the contract as it is; a stale one is a no-go', async () => {
    const reportsDir = tempDir('sbe-gate-impact-');
    const fresh = impactOf([removed], { contractHash: contractHash(contract) });
    writeImpact(reportsDir, fresh);
    assert.deepEqual(await gateImpact({}, settings, reportsDir, {}), { impact: fresh });
    writeImpact(reportsDir, impactOf([removed], { contractHash: 'another' }));
    const stale = await gateImpact({}, settings, reportsDir, {});
    assert.ok(
      'unavailable' in stale &&
        !stale.skip &&
        /impact\.json was written for another version/.test(stale.unavailable),
    );
  });

  it('with IMPACT_BASE (over the rule base), computes the impact; an unreadable base is a no-go naming it', async () => {
    const repo = project();
    repo.edit((document) => delete at(document, 'paths')['/partner/numbers/{number}']);
    const env = {
      ...process.env,
      HARNESS_CONFIG: path.join(repo.dir, 'harness.config.yaml'),
      IMPACT_BASE: 'v1',
    };
    const reportsDir = tempDir('sbe-gate-impact-');
    const repoSettings = loadConfig(env, repo.dir);
    const computed = await gateImpact({ base: 'no-such-ref' }, repoSettings, reportsDir, env);
    assert.ok('impact' in computed, JSON.stringify(computed));
    assert.equal(judgeBreakingChanges(computed).passed, false);
    assert.ok(fs.existsSync(path.join(reportsDir, 'impact.md')));
    const bad = await gateImpact({}, repoSettings, tempDir(), {
      ...env,
      IMPACT_BASE: 'no-such-ref',
    });
    assert.ok('unavailable' in bad && !bad.skip);
    assert.match(bad.unavailable, /^no-such-ref: neither a contract file nor a commit/);
  });
});
