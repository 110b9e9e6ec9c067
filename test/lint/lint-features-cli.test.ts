import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { displayPath } from '../../support/errors';
import { ROOT, runHarness } from '../helpers/run-harness';
import { tempDir } from '../helpers/temp';

/** A folder of feature files, each given as name → text. */
function featureFolder(files: Record<string, string>): string {
  const dir = tempDir('sbe-lint-');
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

const CLEAN = `Feature: Lookups
  @REQ-101
  Rule: Businesses are named
    @api
    Scenario: A bank is named
      When a caller looks up +886227208889
      Then the caller is identified as the verified business "Acme Bank Customer Service"
`;

describe('npm run lint:features', () => {
  it('exits 0 on a clean folder of features', async () => {
    const run = await runHarness('lint:features', [featureFolder({ 'clean.feature': CLEAN })]);
    assert.equal(run.code, 0, run.output);
    assert.match(run.output, /Features are clean: 1 files, 1 scenarios/);
  });

  it('exits 1 with file:line for a missing requirement, an unknown one and a URL in a business feature', async () => {
    const dir = featureFolder({
      'clean.feature': CLEAN,
      'no-requirement.feature': CLEAN.replace('  @REQ-101\n', ''),
      'unknown-requirement.feature': CLEAN.replace('@REQ-101', '@REQ-999'),
      'url.feature': CLEAN.replace('looks up +886227208889', 'opens https://caller.example/numbers/1'),
    });
    const run = await runHarness('lint:features', ['--features', dir]);
    assert.equal(run.code, 1, run.output);
    // Paths as the command names them: relative to where it runs.
    const shown = displayPath(dir, ROOT);
    const findings = run.output.split('\n').filter((line) => line.startsWith(shown));
    assert.deepEqual(findings, [
      `${shown}/no-requirement.feature:4: scenario "A bank is named" proves no requirement (tag it @REQ-<id>) [no-requirement]`,
      `${shown}/unknown-requirement.feature:2: @REQ-999 is not in the requirement catalogue [unknown-requirement]`,
      `${shown}/url.feature:6: a URL in a business feature (step "a caller opens https://caller.example/numbers/1"): move it into a step definition, or tag the feature @contract [technical-detail]`,
    ]);
    assert.match(run.output, /3 finding\(s\) in 4 feature file\(s\)/);
  });

  it('reads the requirement catalogue named by REQUIREMENTS', async () => {
    const dir = featureFolder({ 'own.feature': CLEAN.replace('@REQ-101', '@REQ-OWN-1') });
    const catalogue = path.join(tempDir(), 'own-requirements.yaml');
    fs.writeFileSync(
      catalogue,
      'trackers:\n  default: https://t.example/{id}\nrequirements:\n  - id: REQ-OWN-1\n    title: t\n    capability: c\n    priority: low\n    owner: o\n    status: active\n    acceptance: [a]\n',
    );
    const known = await runHarness('lint:features', [dir], { REQUIREMENTS: catalogue });
    assert.equal(known.code, 0, known.output);
    // The project's catalogue does not know the tag: proof the variable was read.
    const unknown = await runHarness('lint:features', [dir]);
    assert.equal(unknown.code, 1, unknown.output);
    assert.match(unknown.output, /own\.feature:2: @REQ-OWN-1 is not in the requirement catalogue/);
  });

  it('exits 2 with one line when the catalogue or the folder is missing', async () => {
    const dir = featureFolder({ 'clean.feature': CLEAN });
    const shown = displayPath(dir, ROOT);
    const noCatalogue = await runHarness('lint:features', [dir], {
      REQUIREMENTS: path.join(dir, 'none.yaml'),
    });
    assert.equal(noCatalogue.code, 2, noCatalogue.output);
    assert.equal(
      noCatalogue.output.trim(),
      `lint:features: ${shown}/none.yaml: requirement catalogue not found`,
    );
    const noFolder = await runHarness('lint:features', [path.join(dir, 'nowhere')]);
    assert.equal(noFolder.code, 2, noFolder.output);
    assert.equal(
      noFolder.output.trim(),
      `lint:features: ${shown}/nowhere: no such file or folder of features`,
    );
  });
});
