import type { Store } from '../domain/store';
import type { Fault } from '../faults';

/** What every route needs: the state, the deliberate defects switched on, how long it has been up. */
export interface ServiceContext {
  readonly store: Store;
  readonly faults: ReadonlySet<Fault>;
  readonly uptimeSeconds: () => number;
}
