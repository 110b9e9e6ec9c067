/**
 * The one entry for people who write steps: everything a step definition needs, and nothing it
 * should not reach into. Step files import from here — `import { Given, expectEqual, type
 * ScenarioWorld } from '../../support'` — never from deeper paths, so the harness can move its
 * insides without breaking a team's steps.
 */
import * as cucumber from '@cucumber/cucumber';
import type { ScenarioWorld } from './cucumber/world';

// ── Step keywords, typed with the World ─────────────────────────────────────────────────────────

/** A step's body: `this` is the scenario's World; parameters as the expression gives them. */
export type StepBody = (this: ScenarioWorld, ...args: any[]) => unknown; // eslint-disable-line @typescript-eslint/no-explicit-any -- each step declares its own parameters

/** `Given`/`When`/`Then`: cucumber's own functions (so a step is located in its file), typed. */
export interface DefineStep {
  (pattern: string | RegExp, body: StepBody): void;
  (pattern: string | RegExp, options: { readonly timeout?: number }, body: StepBody): void;
}

export const Given: DefineStep = cucumber.Given;
export const When: DefineStep = cucumber.When;
export const Then: DefineStep = cucumber.Then;

/** A domain word as a parameter type (`{persona}`): the transformer runs with the World as `this`. */
export interface ParameterTypeDefinition<T> {
  readonly name: string;
  readonly regexp: RegExp | string | readonly (RegExp | string)[];
  readonly transformer: (this: ScenarioWorld, ...match: string[]) => T;
  readonly useForSnippets?: boolean;
  readonly preferForRegexpMatch?: boolean;
}

export const defineParameterType = cucumber.defineParameterType as <T>(
  definition: ParameterTypeDefinition<T>,
) => void;

export type { DataTable } from '@cucumber/cucumber';

// ── The World and the actors ────────────────────────────────────────────────────────────────────

export type { ScenarioWorld, ActorSession } from './cucumber/world';
export { THE_NUMBER } from './cucumber/world';
export type { Actor, Abilities } from './actors/actor';
export { Note, Notepad } from './actors/notes';

// ── Expectations ────────────────────────────────────────────────────────────────────────────────

export { expectEqual, expectTrue } from './expect';
/** Playwright's auto-waiting assertion on a locator (`await expect(page.status, 'confirmation')…`). */
export { expect } from './ui/web-app';

// ── HTTP and the contract ───────────────────────────────────────────────────────────────────────

export type { HttpClient, ApiRequest, ApiResponse, HttpMethod } from './http/client';
export { buildRequest, emptyCall, addParameter, valueAtPath } from './contract/operation-call';
export type { PreparedCall, PreparedBody } from './contract/operation-call';
export type { Contract } from './contract/load';
export type { Operation } from './contract/operation';

// ── The example project: the caller-ID service's client, tasks and page objects ─────────────────

export { CallerIdApi, read, authorization } from './api/caller-id-api';
export type { Credentials, SignedIn } from './api/caller-id-api';
export type { Account, Cast } from './api/cast';
export {
  blockAs,
  blockFreshNumbers,
  blockList,
  clearBlockList,
  expectRefusal,
  freshNumberReported,
  reportAs,
  reportByStrangers,
  unblockAs,
  withdrawAs,
  type Scene,
} from './actors/tasks';
export { ACCOUNT_ACTIONS, attemptAccountAction, type AccountAction } from './actors/account-actions';
export { WebAppPage } from './ui/web-app';
export { SignInPage } from './ui/sign-in-page';
export { LookupPage } from './ui/lookup-page';
export { ReportPage } from './ui/report-page';
export { BlockListPage } from './ui/block-list-page';
export { CATEGORY_WORDS, PERSONAS, SPAM_LEVEL_WORDS, alternation, lookUpWord } from './domain/vocabulary';
export { CallerKind, ReportCategory, SpamLevel } from './generated';

// ── The example's security checks, derived from the contract ────────────────────────────────────

export {
  HOSTILE_INPUTS,
  expectHandled,
  sendHostileInput,
  type HostileCall,
  type HostileInput,
} from './security/hostile-input';
export {
  CREDENTIALS_WORDS,
  callProtectedOperations,
  credentialsFrom,
  describeCalls,
  expectEveryCall,
  refusesForeignToken,
  type CredentialsUsed,
  type ProtectedCall,
} from './security/protected-operations';
