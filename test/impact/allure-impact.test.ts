import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { Impact, ImpactedChange } from '../../support/impact/impact-model';
import { appendContractChanges, tagContractChanges } from '../../support/impact/allure-impact';
import { updateAllureResults } from '../../support/report/allure-results';
import { tempDir } from '../helpers/temp';

function change(operation: string, breaksClients: boolean): ImpactedChange {
  return {
    kind: breaksClients ? 'property-removed' : 'property-added',
    direction: 'response',
    operation,
    method: 'GET',
    path: '/x',
    where: 'response 200 › label',
    text: breaksClients ? 'property "label" removed' : 'optional property "email" added',
    breaksClients,
    breaksProvider: false,
    service: 'caller-id',
    label: operation,
    scenarios: [],
    requirements: [],
  };
}

const IMPACT: Impact = {
  schemaVersion: 1,
  base: 'v1.4.0',
  generatedAt: '2026-12-04T00:00:00Z',
  lastRun: null,
  services: [
    {
      name: 'caller-id',
      contract: 'specs/openapi.yaml',
      base: 'v1.4.0:specs/openapi.yaml',
      baseVersion: '1.4.0',
      version: '1.5.0',
      majorBumped: false,
      contractHash: 'x',
      changes: [
        change('lookUpNumber', true),
        change('lookUpNumber', false),
        change('identifyForPartner', false),
      ],
    },
  ],
  totals: {
    changes: 3,
    breakingForClients: 1,
    breakingForProvider: 0,
    operationsChanged: 2,
    scenariosAffected: 2,
  },
  unexercised: [],
  affectedScenarios: [],
};

function result(dir: string, name: string, operations: string[]): string {
  const file = path.join(dir, `${name}-result.json`);
  const labels = operations.map((value) => ({ name: 'operation', value }));
  fs.writeFileSync(file, JSON.stringify({ name, labels }));
  return file;
}

const tagsOf = (file: string): string[] =>
  (JSON.parse(fs.readFileSync(file, 'utf8')) as { labels: { name: string; value: string }[] }).labels
    .filter((label) => label.name === 'tag')
    .map((label) => label.value);

describe('what changed since the base, in the Allure report', () => {
  it('tags each result that exercised a changed operation, once, and says the totals in the environment', () => {
    const dir = tempDir('sbe-allure-impact-');
    const lookup = result(dir, 'a', ['lookUpNumber']);
    const partner = result(dir, 'b', ['identifyForPartner', 'getHealth']);
    const health = result(dir, 'c', ['getHealth']);
    fs.writeFileSync(path.join(dir, 'environment.properties'), 'Spec=Caller ID\n');
    const mark = (): number => {
      const tagged = updateAllureResults(dir, (files) => tagContractChanges(files, IMPACT));
      appendContractChanges(dir, IMPACT);
      return tagged;
    };
    assert.equal(mark(), 2);
    assert.equal(mark(), 0, 'a second pass tags nothing again, nor adds the totals twice');
    assert.deepEqual(tagsOf(lookup), ['changed: lookUpNumber (2 changes, 1 breaking)']);
    assert.deepEqual(tagsOf(partner), ['changed: identifyForPartner (1 change)']);
    assert.deepEqual(tagsOf(health), []);
    const environment = fs.readFileSync(path.join(dir, 'environment.properties'), 'utf8');
    assert.equal(
      environment,
      'Spec=Caller ID\nContract\\ changes=since v1.4.0\\: 3 in 2 operation(s), 1 breaking for clients; 2 scenario(s) affected\n',
    );
  });
});
