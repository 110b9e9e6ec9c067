import type { Page } from 'playwright';
import type { CallerIdApi, SignedIn } from '../api/caller-id-api';
import type { Account, Cast } from '../api/cast';
import type { ApiResponse } from '../http/client';
import { Notepad } from './notes';

/** What an actor can do, given by the scenario: the World provides all of it. */
export interface Abilities {
  /** Accounts and tokens, by the actor's name. */
  readonly cast: Cast;
  /** The service's operations, called through the scenario's HTTP client. */
  readonly api: CallerIdApi;
  /** The actor's own browser page — its own context, cookies and session — opened on first use. */
  readonly browse: (actor: Actor) => Promise<Page>;
}

/**
 * A person of the features ("Alice", "a visitor"), after Serenity's Screenplay actors, kept light:
 * the actor holds its account and token, its own browser page, what it was told last by the API
 * and its own notes. A step that names a person acts as, and checks what happened to, that actor.
 */
export class Actor {
  readonly notes: Notepad;
  private last: ApiResponse | undefined;

  constructor(
    readonly name: string,
    private readonly abilities: Abilities,
  ) {
    this.notes = new Notepad(name);
  }

  /** The actor's account, registered (or the provisioned one taken) when first needed. */
  account(): Promise<Account> {
    return this.abilities.cast.account(this.name);
  }

  /** The account an earlier step gave the actor; an error saying how to give one when none did. */
  knownAccount(): Account {
    return this.abilities.cast.known(this.name);
  }

  /** A username and password for the actor, not registered: for the steps that create the account. */
  draftAccount(): Account {
    return this.abilities.cast.draft(this.name);
  }

  /** Takes an account a step created itself (through the API or the web app) as the actor's. */
  adopt(account: Account): void {
    this.abilities.cast.adopt(account);
  }

  /** The actor signed in through the API: username and bearer token (both obtained on first use). */
  signedIn(): Promise<SignedIn> {
    return this.abilities.cast.credentials(this.name);
  }

  /** The actor's own browser page: what another actor does in the web app never shows here. */
  page(): Promise<Page> {
    return this.abilities.browse(this);
  }

  /** Calls the API as this actor: the response is what the actor was told (`lastResponse`). */
  async calls(call: (api: CallerIdApi) => Promise<ApiResponse>): Promise<ApiResponse> {
    const response = await call(this.abilities.api);
    this.last = response;
    return response;
  }

  /** What the API last told this actor — not whoever called last. */
  get lastResponse(): ApiResponse {
    if (!this.last) throw new Error(`${this.name} has made no API call in this scenario`);
    return this.last;
  }
}
