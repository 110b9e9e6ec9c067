import { narrowing, type RunSelection } from '../results/run-selection';

/** The policy that judges a run, and why that one: printed before the gate's table. */
export interface PolicyChoice {
  readonly name: string;
  readonly reason: string;
}

/** The full, unfiltered suite is judged as a release. */
export const FULL_RUN_POLICY = 'release';
/** A run narrowed by paths, tags, names or a shard is judged on what it ran, not on coverage. */
const PARTIAL_RUN_POLICY = 'partial';

/**
 * The policy of `npm run gate` and `npm run merge`, which judge results they did not select: the
 * one `--policy` names, else a release (`why` says why that is the default here).
 */
export function namedPolicy(flag: string | undefined, why: string): PolicyChoice {
  return flag ? { name: flag, reason: 'named by --policy' } : { name: FULL_RUN_POLICY, reason: why };
}

/**
 * The one rule for which policy judges `npm run spec`: `--gate-policy` if given; else a profile
 * named like a policy (`--profile smoke`); else `partial` for a run narrowed by paths, tags, names
 * or a shard; else `release` for the full suite.
 */
export function choosePolicy(inputs: {
  readonly explicit: string | undefined;
  readonly profiles: readonly string[];
  readonly policies: readonly string[];
  readonly selection: RunSelection;
  /** The project's feature folders: naming all of them (or none) is the full suite. */
  readonly featuresDirs: string | readonly string[];
  readonly cwd?: string;
}): PolicyChoice {
  if (inputs.explicit) return { name: inputs.explicit, reason: 'named by --gate-policy' };
  const profile = inputs.profiles.find((name) => inputs.policies.includes(name));
  if (profile) return { name: profile, reason: `the profile "${profile}" is named like a policy` };
  const narrowed = narrowing(inputs.selection, inputs.featuresDirs, inputs.cwd);
  if (narrowed.length > 0) {
    return {
      name: PARTIAL_RUN_POLICY,
      reason: `the run is narrowed by ${narrowed.join(', ')} (coverage and @critical are the full run's to prove)`,
    };
  }
  return { name: FULL_RUN_POLICY, reason: 'the full suite ran (no paths, tags, names or shard)' };
}

/** The line printed before the gate's table. */
export function choiceLine(choice: PolicyChoice): string {
  return `Gate policy: ${choice.name} — ${choice.reason}`;
}
