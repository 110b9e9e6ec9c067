/**
 * `npm run impact -- --base <git ref or contract file> [--service <name>] [--quiet]` — what changed
 * in each service's contract since the base, what breaks (for clients, for the provider), and the
 * requirements and scenarios each change touches, with their last status. Writes
 * reports/impact.json and reports/impact.md. Exit 0 no breaking change, 1 breaking changes,
 * 2 cannot compare (the base or the contract cannot be read).
 */
import { parseArgs } from 'node:util';
import { config } from '../config/config';
import { UsageError, runCommand } from '../errors';
import { computeImpact } from '../impact/impact';
import { ImpactExit } from '../impact/impact-model';
import { impactTable } from '../impact/impact-report';
import { writeImpact } from '../impact/impact-files';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { base: { type: 'string' }, service: { type: 'string' }, quiet: { type: 'boolean' } },
  });
  if (!values.base) throw new UsageError('--base <git ref or contract file> is needed (e.g. --base main)');
  const settings = config();
  const impact = await computeImpact(settings, { base: values.base, service: values.service });
  writeImpact(settings.reportsDir, impact);
  if (!values.quiet) console.log(impactTable(impact));
  return impact.totals.breakingForClients > 0 ? ImpactExit.breaking : ImpactExit.noBreakingChange;
}

runCommand('impact', () => main());
