import { ReportCategory } from '../generated';
import type { ApiResponse } from '../http/client';
import { expectEqual } from '../expect';
import type { Actor } from './actor';
import { read, type Credentials, type SignedIn } from '../api/caller-id-api';
import type { Scene } from './tasks';

/**
 * Every action on an account, in the words of the features. Each prepares what it needs as the
 * account holder (a report to withdraw, a number to unblock), then attempts the action with
 * somebody else's credentials — or none.
 */
export const ACCOUNT_ACTIONS = {
  'report a number': async (scene, owner, as) =>
    scene.api.report(as, owner.username, {
      number: scene.isolation.freshNumber(),
      category: ReportCategory.Scam,
    }),

  'withdraw a report': async (scene, owner, as) => {
    const report = read.report(
      await scene.api.report(owner, owner.username, {
        number: scene.isolation.freshNumber(),
        category: ReportCategory.Robocall,
      }),
    );
    return scene.api.withdrawReport(as, owner.username, report.reportId);
  },

  'see the block list': async (scene, owner, as) => scene.api.listBlocked(as, owner.username),

  'block a number': async (scene, owner, as) =>
    scene.api.block(as, owner.username, { number: scene.isolation.freshNumber() }),

  'unblock a number': async (scene, owner, as) => {
    const number = scene.isolation.freshNumber();
    expectEqual(
      'blocking a number to unblock',
      (await scene.api.block(owner, owner.username, { number })).status,
      201,
    );
    return scene.api.unblock(as, owner.username, number);
  },
} satisfies Record<string, (scene: Scene, owner: SignedIn, as: Credentials) => Promise<ApiResponse>>;

export type AccountAction = keyof typeof ACCOUNT_ACTIONS;

/** Prepares `action` as the owner, then attempts it with `as`: the attempt's response. */
export async function attemptAccountAction(
  scene: Scene,
  action: AccountAction,
  owner: Actor,
  as: Credentials,
): Promise<ApiResponse> {
  return ACCOUNT_ACTIONS[action](scene, await owner.signedIn(), as);
}
