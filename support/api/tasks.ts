import type { ReportCategory } from '../generated';
import type { ApiResponse } from '../http/client';
import type { Isolation } from '../isolation';
import { expectEqual, expectTrue } from '../expect';
import type { CallerIdApi, Credentials } from './caller-id-api';
import { read } from './caller-id-api';
import type { Cast } from './cast';

/** What the tasks below work with: the World provides all of it. */
export interface Actors {
  readonly api: CallerIdApi;
  readonly cast: Cast;
  readonly isolation: Isolation;
}

/** Reports `number` once per (category, times) pair, each by a different stranger. */
export async function reportByStrangers(
  actors: Actors,
  number: string,
  reports: readonly (readonly [ReportCategory, number])[],
): Promise<void> {
  let index = 0;
  for (const [category, times] of reports) {
    for (let time = 0; time < times; time += 1) {
      index += 1;
      const stranger = await actors.cast.stranger(index);
      const response = await actors.api.report(stranger, stranger.username, { number, category });
      expectEqual(`report ${index} of ${number} as ${category}`, response.status, 201);
    }
  }
}

/** A persona reports a number; the report id is what later steps withdraw. */
export async function reportAs(
  actors: Actors,
  persona: string,
  number: string,
  category: ReportCategory | string,
  comment?: string,
): Promise<ApiResponse> {
  const credentials = await actors.cast.credentials(persona);
  return actors.api.report(credentials, credentials.username, {
    number,
    category: category as ReportCategory,
    ...(comment === undefined ? {} : { comment }),
  });
}

/** Blocks `count` fresh numbers for a persona and returns them, oldest first. */
export async function blockFreshNumbers(actors: Actors, persona: string, count: number): Promise<string[]> {
  const credentials = await actors.cast.credentials(persona);
  const numbers: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const number = actors.isolation.freshNumber();
    expectEqual(
      `blocking ${number}`,
      (await actors.api.block(credentials, credentials.username, { number })).status,
      201,
    );
    numbers.push(number);
  }
  return numbers;
}

export async function blockList(
  actors: Actors,
  persona: string,
): Promise<{ number: string; label: string | null }[]> {
  const credentials = await actors.cast.credentials(persona);
  return read.blockList(await actors.api.listBlocked(credentials, credentials.username)).items;
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
  actors: Actors,
  reports: readonly (readonly [ReportCategory, number])[],
): Promise<string> {
  const number = actors.isolation.freshNumber();
  await reportByStrangers(actors, number, reports);
  return number;
}
