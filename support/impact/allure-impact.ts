import fs from 'node:fs';
import path from 'node:path';
import type { Impact, ImpactedChange } from './impact-model';
import { propertiesText } from '../report/run-environment';
import type { AllureResultFile } from '../report/allure-results';

/**
 * What changed since the base of `npm run impact` (reports/impact.json), in the Allure report: a
 * tag on every result that exercised a changed operation (`changed: reportBySms (2 changes, 1
 * breaking)`, so Allure's filters list the affected scenarios); `appendContractChanges` puts the
 * totals in its Environment widget. Returns how many results it tagged; a second pass tags none.
 */
export function tagContractChanges(files: readonly AllureResultFile[], impact: Impact): number {
  const byOperation = new Map<string, ImpactedChange[]>();
  for (const service of impact.services) {
    for (const change of service.changes) {
      byOperation.set(change.label, [...(byOperation.get(change.label) ?? []), change]);
    }
  }
  let tagged = 0;
  for (const each of files) {
    const labels = each.result.labels ?? [];
    if (labels.some((label) => label.name === 'tag' && label.value.startsWith('changed: '))) continue;
    const operations = labels.filter((label) => label.name === 'operation').map((label) => label.value);
    const tags = operations.flatMap((operation) => {
      const changes = byOperation.get(operation);
      return changes ? [{ name: 'tag', value: `changed: ${tagText(operation, changes)}` }] : [];
    });
    if (tags.length === 0) continue;
    each.result = { ...each.result, labels: [...labels, ...tags] };
    each.changed = true;
    tagged += 1;
  }
  return tagged;
}

function tagText(operation: string, changes: readonly ImpactedChange[]): string {
  const breaking = changes.filter((change) => change.breaksClients).length;
  const count = `${changes.length} change${changes.length === 1 ? '' : 's'}`;
  return `${operation} (${breaking > 0 ? `${count}, ${breaking} breaking` : count})`;
}

/** The contract's changes since the base, as a line of Allure's Environment widget. */
export function appendContractChanges(resultsDir: string, impact: Impact): void {
  const file = path.join(resultsDir, 'environment.properties');
  const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  if (existing.startsWith(`${KEY}=`) || existing.includes(`\n${KEY}=`)) return;
  const { totals } = impact;
  const line = propertiesText({
    'Contract changes': `since ${impact.base}: ${totals.changes} in ${totals.operationsChanged} operation(s), ${totals.breakingForClients} breaking for clients; ${totals.scenariosAffected} scenario(s) affected`,
  });
  fs.writeFileSync(file, `${existing}${line}`);
}

const KEY = 'Contract\\ changes';
