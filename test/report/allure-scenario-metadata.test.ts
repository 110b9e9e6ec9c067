import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { Envelope } from '@cucumber/messages';
import { loadCorpus } from '../../support/gherkin/load-corpus';
import { ALLURE_MESSAGE_MEDIA_TYPE } from '../../support/report/allure-metadata';
import { AllureScenarioMetadata } from '../../support/report/allure-scenario-metadata';
import { loadRequirements } from '../../support/trace/requirements';

const ROOT = path.resolve(__dirname, '../..');
const timestamp = { seconds: 0, nanos: 0 };

/** The runtime messages told to Allure, as their bodies' data. */
function told(envelopes: readonly Envelope[]): unknown[] {
  return envelopes.map((each) => {
    assert.equal(each.attachment?.mediaType, ALLURE_MESSAGE_MEDIA_TYPE);
    return (JSON.parse(each.attachment.body) as { data: unknown }).data;
  });
}

describe('what ties each Allure result to the specification, told where Allure is written', () => {
  const catalog = loadRequirements(path.join(ROOT, 'specs/requirements.yaml'));
  const [feature] = loadCorpus([path.join(ROOT, 'features/contract/partner-lookup.feature')], ROOT).features;
  const pickle = feature!.pickles.find((each) => each.name === 'The API key in the query')!;

  it('tells each attempt its requirement links and labels as it starts, and the operations it called before it ends', () => {
    const metadata = new AllureScenarioMetadata(catalog);
    for (const envelope of [
      { gherkinDocument: feature!.document },
      { pickle },
      { testCase: { id: 'case', pickleId: pickle.id, testSteps: [] } },
    ])
      assert.deepEqual(metadata.around(envelope), { before: [], after: [] });

    const started = metadata.around({
      testCaseStarted: { id: 'try-1', testCaseId: 'case', attempt: 0, timestamp },
    });
    const [scenario] = told(started.after) as {
      labels: { name: string; value: string }[];
      links: unknown[];
    }[];
    assert.deepEqual(scenario?.links, [
      {
        name: 'REQ-113 Partner apps look up numbers with their API key',
        url: catalog.get('REQ-113')!.link,
        type: 'tms',
      },
    ]);
    assert.ok(scenario?.labels.some((label) => label.name === 'epic' && label.value === 'API contract'));

    for (const operation of ['lookUpNumber', 'getHealth', 'lookUpNumber'])
      metadata.exercised('try-1', operation);
    metadata.exercised('try-1', undefined);
    metadata.exercised('another attempt', 'reportNumber');
    const finished = metadata.around({
      testCaseFinished: { testCaseStartedId: 'try-1', timestamp, willBeRetried: true },
    });
    assert.deepEqual(finished.after, []);
    assert.deepEqual(told(finished.before), [
      {
        labels: [
          { name: 'operation', value: 'lookUpNumber' },
          { name: 'operation', value: 'getHealth' },
        ],
      },
    ]);

    // A retry is told again; once its last attempt ends, the test case is forgotten.
    const retried = metadata.around({
      testCaseStarted: { id: 'try-2', testCaseId: 'case', attempt: 1, timestamp },
    });
    assert.equal(retried.after.length, 1);
    const last = metadata.around({
      testCaseFinished: { testCaseStartedId: 'try-2', timestamp, willBeRetried: false },
    });
    assert.deepEqual(last.before, [], 'no operation called in this attempt');
    const unknown = metadata.around({
      testCaseStarted: { id: 'try-3', testCaseId: 'case', attempt: 2, timestamp },
    });
    assert.deepEqual(unknown.after, []);
  });
});
