import type { RequestHandler } from 'express';
import type { Store } from '../domain/store';
import type { Fault } from '../faults';
import { requireOwner } from '../http/auth';

/** What every route needs: the state, the deliberate defects switched on, how long it has been up. */
export interface ServiceContext {
  readonly store: Store;
  readonly faults: ReadonlySet<Fault>;
  readonly uptimeSeconds: () => number;
}

/**
 * The guards of operations on an account, with the deliberate faults of the context applied: every
 * owner-only operation, and the deletes, which one fault lets another account's token through.
 */
export function ownerGuards({ store, faults }: ServiceContext): {
  owner: RequestHandler;
  deleting: RequestHandler;
} {
  const acceptExpired = faults.has('expired-tokens-accepted');
  return {
    owner: requireOwner(store.accounts, { acceptExpired }),
    deleting: requireOwner(store.accounts, {
      acceptExpired,
      skipOwnerCheck: faults.has('deletes-skip-owner-check'),
    }),
  };
}
