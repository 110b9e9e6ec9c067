import { ReportCategory } from '../generated';
import type { ApiResponse } from '../http/client';
import { expectEqual } from '../expect';
import { read, type Credentials } from './caller-id-api';
import type { Actors } from './tasks';

/**
 * Every action on an account, in the words of the features. Each prepares what it needs as the
 * account holder (a report to withdraw, a number to unblock), then attempts the action with
 * somebody else's credentials — or none.
 */
export const ACCOUNT_ACTIONS = {
  'report a number': async (actors, owner, as) =>
    actors.api.report(as, owner.username, {
      number: actors.isolation.freshNumber(),
      category: ReportCategory.Scam,
    }),

  'withdraw a report': async (actors, owner, as) => {
    const report = read.report(
      await actors.api.report(owner, owner.username, {
        number: actors.isolation.freshNumber(),
        category: ReportCategory.Robocall,
      }),
    );
    return actors.api.withdrawReport(as, owner.username, report.reportId);
  },

  'see the block list': async (actors, owner, as) => actors.api.listBlocked(as, owner.username),

  'block a number': async (actors, owner, as) =>
    actors.api.block(as, owner.username, { number: actors.isolation.freshNumber() }),

  'unblock a number': async (actors, owner, as) => {
    const number = actors.isolation.freshNumber();
    expectEqual(
      'blocking a number to unblock',
      (await actors.api.block(owner, owner.username, { number })).status,
      201,
    );
    return actors.api.unblock(as, owner.username, number);
  },
} satisfies Record<
  string,
  (actors: Actors, owner: Credentials & { username: string }, as: Credentials) => Promise<ApiResponse>
>;

export type AccountAction = keyof typeof ACCOUNT_ACTIONS;

export async function attemptAccountAction(
  actors: Actors,
  action: AccountAction,
  ownerPersona: string,
  as: Credentials,
): Promise<ApiResponse> {
  const owner = await actors.cast.credentials(ownerPersona);
  return ACCOUNT_ACTIONS[action](actors, owner, as);
}
