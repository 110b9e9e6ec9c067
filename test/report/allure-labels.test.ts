import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { capabilityOf } from '../../support/gherkin/capability';
import { loadCorpus } from '../../support/gherkin/load-corpus';
import { scenarioMetadata } from '../../support/report/allure-metadata';
import { loadRequirements } from '../../support/trace/requirements';

const ROOT = path.resolve(__dirname, '../..');
const FEATURES = path.join(ROOT, 'features');

describe("Allure's epics and suites: capability → feature → rule, as the living docs name them", () => {
  const catalog = loadRequirements(path.join(ROOT, 'specs/requirements.yaml'));
  const corpus = loadCorpus([path.join(FEATURES, 'contract/partner-lookup.feature')], ROOT);
  const [feature] = corpus.features;

  it("names the epic after the features' folder, not the requirement's catalogue capability", () => {
    const pickle = feature!.pickles.find((each) => each.name === 'The API key in the query')!;
    const labels = scenarioMetadata(pickle, feature!.document, catalog, [FEATURES]).labels;
    const values = (name: string): string[] =>
      labels.filter((label) => label.name === name).map((label) => label.value);
    // REQ-113's catalogue capability is "Number lookup"; the living docs show it under "API contract".
    assert.equal(catalog.get('REQ-113')?.capability, 'Number lookup');
    assert.deepEqual(values('epic'), ['API contract']);
    assert.deepEqual(values('parentSuite'), ['API contract']);
    assert.deepEqual(values('suite'), ['Partner apps look up numbers with their API key']);
    assert.deepEqual(values('subSuite'), ['A known key or session opens the lookup']);
    assert.deepEqual(values('story'), ['A known key or session opens the lookup']);
  });

  it('names a capability by the first heading of its README, else its folder in words', () => {
    assert.equal(
      capabilityOf(path.join(FEATURES, 'spam-reporting/x.feature'), [FEATURES]).name,
      'Spam reporting',
    );
    assert.equal(
      capabilityOf('/elsewhere/caller-blocking/x.feature', ['/elsewhere']).name,
      'Caller blocking',
    );
    assert.equal(capabilityOf('/elsewhere/x.feature', ['/elsewhere/x.feature']).id, 'elsewhere');
  });
});
