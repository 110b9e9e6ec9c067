import type { ReportCategory } from '../generated';
import type { ApiResponse } from '../http/client';
import type { Isolation } from '../isolation';
import type { Actor } from './actor';
import { expectEqual, expectTrue } from '../expect';
import type { CallerIdApi, Credentials } from '../api/caller-id-api';
import { read } from '../api/caller-id-api';
import type { Cast } from '../api/cast';

/** What the tasks below work with besides their actor: the World provides all of it. */
export interface Scene {
  readonly api: CallerIdApi;
  readonly cast: Cast;
  readonly isolation: Isolation;
}

/** Reports `number` once per (category, times) pair, each by a different stranger. */
export async function reportByStrangers(
  scene: Scene,
  number: string,
  reports: readonly (readonly [ReportCategory, number])[],
): Promise<void> {
  let index = 0;
  for (const [category, times] of reports) {
    for (let time = 0; time < times; time += 1) {
      index += 1;
      const stranger = await scene.cast.stranger(index);
      const response = await scene.api.report(stranger, stranger.username, { number, category });
      expectEqual(`report ${index} of ${number} as ${category}`, response.status, 201);
    }
  }
}

/** The actor reports a number on their own account; a recorded report has the id to withdraw it by. */
export async function reportAs(
  actor: Actor,
  number: string,
  category: ReportCategory | string,
  comment?: string,
): Promise<ApiResponse> {
  const me = await actor.signedIn();
  return actor.calls((api) =>
    api.report(me, me.username, {
      number,
      category: category as ReportCategory,
      ...(comment === undefined ? {} : { comment }),
    }),
  );
}

/** The actor withdraws a report of theirs. */
export async function withdrawAs(actor: Actor, reportId: string): Promise<ApiResponse> {
  const me = await actor.signedIn();
  return actor.calls((api) => api.withdrawReport(me, me.username, reportId));
}

/** The actor blocks a number on their own block list, with a label or without. */
export async function blockAs(actor: Actor, number: string, label?: string): Promise<ApiResponse> {
  const me = await actor.signedIn();
  return actor.calls((api) =>
    api.block(me, me.username, { number, ...(label === undefined ? {} : { label }) }),
  );
}

/** The actor takes a number off their own block list. */
export async function unblockAs(actor: Actor, number: string): Promise<ApiResponse> {
  const me = await actor.signedIn();
  return actor.calls((api) => api.unblock(me, me.username, number));
}

/** Blocks `count` fresh numbers for the actor and returns them, oldest first. */
export async function blockFreshNumbers(
  actor: Actor,
  isolation: Isolation,
  count: number,
): Promise<string[]> {
  const numbers: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const number = isolation.freshNumber();
    expectEqual(`blocking ${number}`, (await blockAs(actor, number)).status, 201);
    numbers.push(number);
  }
  return numbers;
}

/**
 * Unblocks every number on the actor's block list. A freshly registered account starts empty; a
 * provisioned one (`ACCOUNT_ALICE`) keeps what earlier scenarios and runs left on it.
 */
export async function clearBlockList(actor: Actor): Promise<void> {
  for (const { number } of await blockList(actor)) {
    expectEqual(`unblocking ${number}`, (await unblockAs(actor, number)).status, 204);
  }
}

/** The actor's block list as the API gives it to them. */
export async function blockList(actor: Actor): Promise<{ number: string; label: string | null }[]> {
  const me = await actor.signedIn();
  return read.blockList(await actor.calls((api) => api.listBlocked(me, me.username))).items;
}

/**
 * A refusal as the contract describes it: the status, a problem document, and for 400s the
 * offending field named in `errors`.
 */
export function expectRefusal(response: ApiResponse, status: number, field?: string): void {
  const problem = read.problem(response);
  expectEqual('refusal status', response.status, status);
  expectEqual('problem status', problem.status, status);
  if (field !== undefined) {
    const fields = (problem.errors ?? []).map((error) => error.field);
    expectTrue(
      `the refusal names the field "${field}"`,
      fields.includes(field),
      `it names ${fields.length > 0 ? fields.map((name) => `"${name}"`).join(', ') : 'no field'} (detail: ${problem.detail ?? 'none'})`,
    );
  }
}

export type { Credentials };

/** A fresh number with the given reports, each by a different stranger. */
export async function freshNumberReported(
  scene: Scene,
  reports: readonly (readonly [ReportCategory, number])[],
): Promise<string> {
  const number = scene.isolation.freshNumber();
  await reportByStrangers(scene, number, reports);
  return number;
}
