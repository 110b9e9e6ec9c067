import fs from 'node:fs';
import type { HarnessConfig } from '../config/config';
import { oneLine } from '../errors';
import { changeLine } from './change';
import type { Impact } from './impact-model';
import { REPORT_FILES } from '../report/report-files';
import { contractHash, readImpact, writeImpact } from './impact-files';

/** The options of the `no-unversioned-breaking-change` rule in gate.config.yaml. */
export interface BreakingChangeOptions {
  /** The ref the release is compared with (`IMPACT_BASE` in the environment wins). */
  readonly base?: string;
  /** With no base and no impact report: `skip` (said so in the verdict) or `fail`. Default skip. */
  readonly whenNoBase?: 'skip' | 'fail';
}

/** What the rule judges: an impact report, or why there is none. */
export type GateImpact =
  { readonly impact: Impact } | { readonly unavailable: string; readonly skip: boolean };

export interface BreakingChangeVerdict {
  readonly threshold: string;
  readonly actual: string;
  readonly passed: boolean;
  readonly skipped: boolean;
  readonly details: readonly string[];
}

const THRESHOLD = '0 breaking changes without a major version bump';

/** A breaking change (for clients) in a service whose `info.version` major did not go up is a no-go. */
export function judgeBreakingChanges(input: GateImpact): BreakingChangeVerdict {
  if ('unavailable' in input) {
    return {
      threshold: THRESHOLD,
      actual: `${input.skip ? 'skipped' : 'cannot compare'}: ${input.unavailable}`,
      passed: input.skip,
      skipped: input.skip,
      details: [input.unavailable],
    };
  }
  const { impact } = input;
  const unversioned = impact.services.filter((service) => !service.majorBumped);
  const breaking = unversioned.flatMap((service) =>
    service.changes.filter((change) => change.breaksClients).map((change) => ({ service, change })),
  );
  const bumped = impact.services
    .filter((service) => service.majorBumped)
    .reduce((sum, service) => sum + service.changes.filter((change) => change.breaksClients).length, 0);
  const versions = [...new Set(breaking.map(({ service }) => service))].map(
    (service) =>
      `${service.name}: info.version ${service.baseVersion ?? '(new)'} → ${service.version}: bump the major to release these breaking changes, or undo them`,
  );
  // A service whose base could not be read may hide a breaking change: the gate cannot vouch for it.
  const unknown = (impact.notCompared ?? []).map((each) => `not compared: ${each.service}: ${each.reason}`);
  return {
    threshold: THRESHOLD,
    actual: `${breaking.length} since ${impact.base}${bumped ? ` (+${bumped} with the major bumped)` : ''}${unknown.length ? `, ${unknown.length} service(s) not compared` : ''}`,
    passed: breaking.length === 0 && unknown.length === 0,
    skipped: false,
    details: [
      ...breaking.map(({ change }) => `breaking: ${changeLine({ ...change, operation: change.label })}`),
      ...versions,
      ...unknown,
    ],
  };
}

function isFresh(impact: Impact, contracts: ReadonlyMap<string, string>): boolean {
  return impact.services.every((service) => {
    const file = contracts.get(service.name);
    return file !== undefined && fs.existsSync(file) && contractHash(file) === service.contractHash;
  });
}

/**
 * What `npm run impact -- --base <base>` computes, in this process, written into the run's reports
 * folder as that command would. A base it cannot compare with is why the rule cannot vouch.
 */
async function computeFor(base: string, settings: HarnessConfig, reportsDir: string): Promise<GateImpact> {
  try {
    // Loaded only here: a gate with no base to compare with never loads the contract diff or the parser.
    const { computeImpact } = await import('./impact');
    const impact = await computeImpact({ ...settings, reportsDir }, { base });
    writeImpact(reportsDir, impact);
    return { impact };
  } catch (error) {
    return { unavailable: oneLine(error), skip: false };
  }
}

/**
 * The impact the rule judges. The base: `IMPACT_BASE`, else the rule's `base`. A report in the
 * reports folder (`npm run impact` ran before) is used when it is for that base and the contracts
 * have not changed since; else, with a base, it is computed now. Without a base or a report the
 * rule is skipped, and says so (or fails, with `whenNoBase: fail`).
 */
export async function gateImpact(
  options: BreakingChangeOptions,
  settings: HarnessConfig,
  reportsDir: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<GateImpact> {
  const contracts = new Map(settings.services.map((service) => [service.name, service.contractFile]));
  const base = env.IMPACT_BASE?.trim() || options.base;
  const existing = readImpact(reportsDir);
  if (existing && (!base || existing.base === base) && isFresh(existing, contracts))
    return { impact: existing };
  if (base) return computeFor(base, settings, reportsDir);
  if (existing)
    return {
      unavailable: `${REPORT_FILES.impact} was written for another version of the contract: run npm run impact -- --base <ref> again`,
      skip: false,
    };
  return {
    unavailable:
      "no base to compare the contract with: set IMPACT_BASE, the rule's base option, or run npm run impact -- --base <ref> first",
    skip: (options.whenNoBase ?? 'skip') === 'skip',
  };
}
