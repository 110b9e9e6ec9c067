import fs from 'node:fs';
import path from 'node:path';
import type { Impact, ImpactedChange } from './impact-model';
import { propertiesText } from '../report/run-environment';
import { writeJson } from '../report/write-file';

interface AllureLabel {
  readonly name: string;
  readonly value: string;
}

interface AllureResult {
  labels?: AllureLabel[];
}

/**
 * What changed since the base of `npm run impact` (reports/impact.json), in the Allure report: a
 * tag on every result that exercised a changed operation (`changed: reportBySms (2 changes, 1
 * breaking)`, so Allure's filters list the affected scenarios), and the totals in its Environment
 * widget. Without an impact report nothing changes. Returns how many results were tagged.
 */
export function markContractChanges(resultsDir: string, impact: Impact | undefined): number {
  if (!impact || !fs.existsSync(resultsDir)) return 0;
  const byOperation = new Map<string, ImpactedChange[]>();
  for (const service of impact.services) {
    for (const change of service.changes) {
      byOperation.set(change.label, [...(byOperation.get(change.label) ?? []), change]);
    }
  }
  let tagged = 0;
  for (const name of fs.readdirSync(resultsDir).filter((file) => file.endsWith('-result.json'))) {
    const file = path.join(resultsDir, name);
    let result: AllureResult;
    try {
      result = JSON.parse(fs.readFileSync(file, 'utf8')) as AllureResult;
    } catch {
      continue; // Allure reports an unreadable result itself.
    }
    const labels = result.labels ?? [];
    if (labels.some((label) => label.name === 'tag' && label.value.startsWith('changed: '))) continue;
    const operations = labels.filter((label) => label.name === 'operation').map((label) => label.value);
    const tags = operations.flatMap((operation) => {
      const changes = byOperation.get(operation);
      return changes ? [{ name: 'tag', value: `changed: ${tagText(operation, changes)}` }] : [];
    });
    if (tags.length === 0) continue;
    writeJson(file, { ...result, labels: [...labels, ...tags] });
    tagged += 1;
  }
  appendEnvironment(resultsDir, impact);
  return tagged;
}

function tagText(operation: string, changes: readonly ImpactedChange[]): string {
  const breaking = changes.filter((change) => change.breaksClients).length;
  const count = `${changes.length} change${changes.length === 1 ? '' : 's'}`;
  return `${operation} (${breaking > 0 ? `${count}, ${breaking} breaking` : count})`;
}

/** The contract's changes since the base, as a line of Allure's Environment widget. */
function appendEnvironment(resultsDir: string, impact: Impact): void {
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
