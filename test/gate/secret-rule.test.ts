import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { evaluateGate } from '../../support/gate/evaluate';
import { loadPolicy } from '../../support/gate/policy';
import { scanReports } from '../../support/report/secret-scan';
import { emptyGateInputs } from '../helpers/results';
import { ROOT } from '../helpers/run-harness';
import { tempDir } from '../helpers/temp';

const { results, coverage, traceability } = emptyGateInputs();
const policy = {
  name: 'p',
  description: '',
  rules: { 'no-secrets-in-reports': {} },
} as const;

describe('the no-secrets-in-reports rule', () => {
  it('is on in every policy of the committed gate file', () => {
    for (const name of ['release', 'partial', 'smoke']) {
      assert.ok(loadPolicy(path.join(ROOT, 'gate.config.yaml'), name).rules['no-secrets-in-reports'], name);
    }
  });

  it('says no-go for a secret injected into a report, naming the file and kind only', async () => {
    const secret = 'pw-injected-9Xq';
    const dir = tempDir('sbe-gate-secret-');
    fs.writeFileSync(path.join(dir, 'summary.md'), `failed: expected "${secret}"`);
    const secretHits = await scanReports(dir, [secret]);
    const gate = evaluateGate(policy, { results, coverage, traceability, secretHits });
    const rule = gate.rules.find((each) => each.id === 'no-secrets-in-reports');
    assert.equal(gate.verdict, 'no-go');
    assert.deepEqual(rule?.details, ['summary.md: a secret of the run (raw)']);
    assert.ok(!JSON.stringify(gate).includes(secret));
  });

  it('says go on clean reports', () => {
    const gate = evaluateGate(policy, { results, coverage, traceability, secretHits: [] });
    assert.equal(gate.verdict, 'go');
  });
});
