import type { Store } from '../domain/store';
import type { SpamRules } from '../domain/spam-level';
import type { Fault } from '../faults';

/** What every route needs: the state, the rules in force, the deliberate defects switched on. */
export interface ServiceContext {
  readonly store: Store;
  readonly rules: SpamRules;
  readonly faults: ReadonlySet<Fault>;
  readonly startedAt: number;
  readonly now: () => Date;
}
