import Table from 'cli-table3';
import type { Impact, ImpactedChange, ServiceImpact } from './impact-model';

const verdict = (change: ImpactedChange): string =>
  change.breaksClients ? 'BREAKING' : change.breaksProvider ? 'provider' : 'compatible';

/** `4 (3 passed, 1 not run)`: how many scenarios, by last status. */
const scenarioCount = (change: ImpactedChange): string => {
  if (change.scenarios.length === 0) return 'none';
  const by = new Map<string, number>();
  for (const { status } of change.scenarios) by.set(status, (by.get(status) ?? 0) + 1);
  const parts = [...by].map(([status, count]) => `${count} ${status.toLowerCase().replace('_', ' ')}`);
  return `${change.scenarios.length} (${parts.join(', ')})`;
};

/** `info.version 1.0.0 → 1.0.0 (major not bumped: …)`: what the release gate will make of it. */
function versionLine(service: ServiceImpact): string {
  const breaking = service.changes.some((change) => change.breaksClients);
  const note = service.majorBumped
    ? ' (major bumped)'
    : breaking
      ? ' (major not bumped: the release gate says no-go on the breaking changes)'
      : '';
  return `info.version ${service.baseVersion ?? '(new)'} → ${service.version}${note}`;
}

/** The headline, for the terminal and the comment. */
export function headline(impact: Impact): string {
  const { totals } = impact;
  if (totals.changes === 0) return `No change to the contract since ${impact.base}${notComparedText(impact)}`;
  return (
    `${totals.changes} change(s) since ${impact.base} in ${totals.operationsChanged} operation(s): ` +
    `${totals.breakingForClients} breaking for clients, ${totals.breakingForProvider} for the provider; ` +
    `${totals.scenariosAffected} scenario(s) affected` +
    (impact.unexercised.length ? `; no scenario exercises ${impact.unexercised.join(', ')}` : '') +
    notComparedText(impact)
  );
}

/** `; not compared: library (…)`: services whose changes are unknown, said wherever the totals are. */
function notComparedText(impact: Impact): string {
  const skipped = impact.notCompared ?? [];
  return skipped.length
    ? `; not compared: ${skipped.map((each) => `${each.service} (${each.reason})`).join('; ')}`
    : '';
}

const RESPONSE = /^response (\S+)( .*)?$/;

/**
 * For people: one change to a shared schema (a problem body) found in several responses of an
 * operation reads as one row, its statuses listed (`response 400, 401, default (…) › errors[]`).
 * impact.json keeps every change.
 */
export function collapseResponses(changes: readonly ImpactedChange[]): ImpactedChange[] {
  const rows = new Map<string, { change: ImpactedChange; statuses: string[] }>();
  for (const change of changes) {
    const match = RESPONSE.exec(change.where);
    const key = [
      change.service,
      change.label,
      change.kind,
      change.text,
      change.breaksClients,
      change.breaksProvider,
      match ? `response *${match[2] ?? ''}` : change.where,
    ].join('\n');
    const row = rows.get(key);
    if (row && match) row.statuses.push(match[1]!);
    else rows.set(match ? key : `${key}\n${rows.size}`, { change, statuses: match ? [match[1]!] : [] });
  }
  return [...rows.values()].map(({ change, statuses }) =>
    statuses.length > 1
      ? { ...change, where: `response ${statuses.join(', ')}${RESPONSE.exec(change.where)?.[2] ?? ''}` }
      : change,
  );
}

/** The short table `npm run impact` prints: one row per change (per response, collapsed). */
export function impactTable(impact: Impact): string {
  const changes = impact.services.flatMap((service) => service.changes);
  if (changes.length === 0) return headline(impact);
  const table = new Table({
    head: ['operation', 'change', 'where', 'breaks', 'scenarios'],
    style: { head: [], border: [] },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  for (const change of collapseResponses(changes))
    table.push([change.label, change.text, change.where, verdict(change), scenarioCount(change)]);
  const versions = impact.services.map((service) => `${service.name}: ${versionLine(service)}`);
  return [table.toString(), ...versions, headline(impact)].join('\n');
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** reports/impact.md: for a pull-request comment or a job summary. */
export function impactMarkdown(impact: Impact): string {
  const breaking = impact.totals.breakingForClients > 0;
  const lines = [
    `## ${breaking ? '❌ Breaking contract changes' : impact.totals.changes ? '✅ Compatible contract changes' : '✅ No contract change'} since \`${impact.base}\``,
    '',
    headline(impact),
    '',
  ];
  for (const service of impact.services) {
    if (service.changes.length === 0) continue;
    lines.push(
      `### ${service.name} — \`${service.contract}\`, ${versionLine(service)}`,
      '',
      '| operation | change | where | breaks clients | breaks provider | scenarios (last status) | requirements |',
      '| --- | --- | --- | :---: | :---: | --- | --- |',
    );
    for (const change of collapseResponses(service.changes)) {
      const scenarios = change.scenarios
        .map((scenario) => `\`${scenario.ref}\` ${scenario.status}`)
        .join('<br>');
      const requirements = change.requirements
        .map((requirement) => `${requirement.id} ${requirement.status}`)
        .join('<br>');
      lines.push(
        `| \`${cell(change.label)}\` | ${cell(change.text)} | ${cell(change.where)} | ${change.breaksClients ? '❌' : '—'} | ${change.breaksProvider ? '⚠️' : '—'} | ${scenarios || '**none**'} | ${requirements || '—'} |`,
      );
    }
    lines.push('');
  }
  if (impact.unexercised.length)
    lines.push(
      `**Changed operations no scenario exercises:** ${impact.unexercised.map((label) => `\`${label}\``).join(', ')}`,
      '',
    );
  lines.push(
    `_Scenarios found by ${impact.lastRun ? `the last run's exchanges (\`${impact.lastRun}\`) and ` : ''}the operations the features' steps name. Run them: \`npm run spec -- --affected-by ${impact.base}\`._`,
  );
  return `${lines.join('\n').trimEnd()}\n`;
}
