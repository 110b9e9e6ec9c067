import type { ScenarioStatus } from '../results/status';
import type { Change } from './change';
import type { Evidence } from './scenario-map';

/** A scenario that exercises a changed operation, with its last status. */
export interface AffectedScenario {
  readonly ref: string;
  readonly name: string;
  readonly status: ScenarioStatus;
  readonly evidence: readonly Evidence[];
}

/** A requirement proven by an affected scenario, with its last result. */
export interface AffectedRequirement {
  readonly id: string;
  readonly title: string;
  /** From the last run's traceability; NOT_RUN without one. */
  readonly status: string;
}

export interface ImpactedChange extends Change {
  readonly service: string;
  /** How reports name the operation: `reportBySms`, or `billing:createInvoice` with several services. */
  readonly label: string;
  readonly scenarios: readonly AffectedScenario[];
  readonly requirements: readonly AffectedRequirement[];
}

export interface ServiceImpact {
  readonly name: string;
  /** The contract in the working tree, as people name it. */
  readonly contract: string;
  /** `v1.4.0:specs/openapi.yaml`, or the base file. */
  readonly base: string;
  /** `info.version` at the base; null when the contract did not exist there. */
  readonly baseVersion: string | null;
  readonly version: string;
  /** The major of `info.version` went up (or the contract is new). */
  readonly majorBumped: boolean;
  /** sha256 of the working tree's contract file: the gate knows when this report is stale. */
  readonly contractHash: string;
  readonly changes: readonly ImpactedChange[];
}

/** reports/impact.json: what changed since the base, what breaks, what it touches. */
export interface Impact {
  readonly schemaVersion: 1;
  readonly base: string;
  readonly generatedAt: string;
  /** Where the scenarios' operations and statuses came from. */
  readonly lastRun: string | null;
  readonly services: readonly ServiceImpact[];
  readonly totals: {
    readonly changes: number;
    readonly breakingForClients: number;
    readonly breakingForProvider: number;
    readonly operationsChanged: number;
    readonly scenariosAffected: number;
  };
  /** Changed operations no scenario exercises (labels). */
  readonly unexercised: readonly string[];
  /** Every affected scenario's `file:line`, once: what `npm run spec -- --affected-by` runs. */
  readonly affectedScenarios: readonly string[];
  /** Services whose base could not be read (a contract outside the repository): nothing is known of them. */
  readonly notCompared?: readonly { readonly service: string; readonly reason: string }[];
}

/** Exit codes of `npm run impact`. */
export const ImpactExit = { noBreakingChange: 0, breaking: 1, cannotCompare: 2 } as const;
