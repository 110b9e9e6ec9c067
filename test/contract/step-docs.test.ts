import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CucumberExpression, ParameterTypeRegistry } from '@cucumber/cucumber-expressions';
import { CONTRACT_STEPS } from '../../support/contract/step-wording';
import { buildGlossary } from '../../support/docs/glossary';
import { MARKER_DOCS, STEP_DOCS, stepDocOf } from '../../support/contract/step-docs';

describe('the documentation of the generic contract steps', () => {
  const registry = new ParameterTypeRegistry();

  for (const [key, wording] of Object.entries(CONTRACT_STEPS)) {
    it(`"${wording}" has an example its own wording matches`, () => {
      const doc = STEP_DOCS[key as keyof typeof CONTRACT_STEPS];
      const firstLine = doc.example.split('\n')[0]!.replace(/^(Given|When|Then|And) /, '');
      assert.ok(
        new CucumberExpression(wording, registry).match(firstLine),
        `${firstLine} does not match ${wording}`,
      );
      assert.equal(stepDocOf(wording), doc);
    });
  }

  it('lists every marker, and nothing for a wording that is not a generic step', () => {
    assert.ok(MARKER_DOCS.includes('#regex <pattern>') && MARKER_DOCS.includes('#[N]'));
    assert.equal(stepDocOf('the spam level is {string}'), undefined);
  });
});

describe('the step vocabulary page', () => {
  const definition = (pattern: string, uri: string) => ({ pattern, uri, line: 1, matches: () => false });

  it("documents the generic steps, with markers for those that compare, and not the project's own", () => {
    const glossary = buildGlossary(
      [
        definition(CONTRACT_STEPS.bodyAt, 'support/cucumber/steps/contract.steps.ts'),
        definition(CONTRACT_STEPS.call, 'support/cucumber/steps/contract.steps.ts'),
        definition('the spam level is {string}', 'steps/api/lookup.steps.ts'),
      ],
      { features: [], problems: [] },
    );
    const byPattern = new Map(glossary.map((step) => [step.pattern, step]));
    assert.ok(byPattern.get(CONTRACT_STEPS.bodyAt)?.doc?.markers?.includes('#notpresent'));
    assert.equal(byPattern.get(CONTRACT_STEPS.call)?.doc?.example, 'When I call "findPetsByTags"');
    assert.equal(byPattern.get(CONTRACT_STEPS.call)?.doc?.markers, undefined);
    assert.equal(byPattern.get('the spam level is {string}')?.doc, undefined);
  });
});
