/**
 * The one vocabulary of results: cucumber's statuses, their severity order and "not run", and what
 * the living documentation shows for each. The results model, traceability, the gate and the docs
 * all read statuses from here, so no report ranks or names them differently.
 */

/** Cucumber's step and scenario statuses, least severe first: a scenario is its most severe step. */
export const STATUSES = [
  'UNKNOWN',
  'PASSED',
  'SKIPPED',
  'PENDING',
  'UNDEFINED',
  'AMBIGUOUS',
  'FAILED',
] as const;

export type Status = (typeof STATUSES)[number];

export function mostSevere(statuses: readonly Status[]): Status {
  return statuses.reduce<Status>(
    (worst, status) => (STATUSES.indexOf(status) > STATUSES.indexOf(worst) ? status : worst),
    'UNKNOWN',
  );
}

/** A scenario's last result: cucumber's status, or NOT_RUN when the run did not select it. */
export type ScenarioStatus = Status | 'NOT_RUN';

/** What a product owner sees for a result, least severe first. */
export const DOC_STATUSES = ['not-run', 'passed', 'skipped', 'pending', 'failed'] as const;

export type DocStatus = (typeof DOC_STATUSES)[number];

export function docStatus(status: ScenarioStatus | undefined): DocStatus {
  switch (status) {
    case 'PASSED':
      return 'passed';
    case 'FAILED':
    case 'AMBIGUOUS':
      return 'failed';
    case 'PENDING':
    case 'UNDEFINED':
      return 'pending';
    case 'SKIPPED':
      return 'skipped';
    default:
      return 'not-run';
  }
}
