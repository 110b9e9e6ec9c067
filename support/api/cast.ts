import { ScenarioDefect } from '../errors';
import type { Isolation } from '../isolation';
import type { CallerIdApi, Credentials, SignedIn } from './caller-id-api';
import { read } from './caller-id-api';

export interface Account {
  /** The name the feature uses: "Alice". */
  readonly persona: string;
  /** The real, scenario-unique username: "alice-1f3a9c2e-12". */
  readonly username: string;
  readonly password: string;
}

/**
 * The accounts and tokens of a scenario's people, by name: what their actors (support/actors) hold.
 * Each persona gets a real account on first use, with a unique username and a random password that
 * exists only for this scenario: no credentials are committed or shared between scenarios.
 */
export class Cast {
  private readonly accounts = new Map<string, Account>();
  private readonly tokens = new Map<string, string>();

  constructor(
    private readonly api: CallerIdApi,
    private readonly isolation: Isolation,
    private readonly onSecret: (value: string) => void,
    /** Accounts provisioned outside the harness (ACCOUNT_<PERSONA>): used as they are, never registered. */
    private readonly provisioned: Readonly<
      Record<string, { readonly username: string; readonly password: string }>
    > = {},
  ) {
    for (const account of Object.values(provisioned)) onSecret(account.password);
  }

  /** Credentials for a persona's account, not created yet: for the steps that create it. */
  draft(persona: string): Account {
    const account: Account = {
      persona,
      username: this.isolation.username(persona),
      password: this.isolation.password(),
    };
    this.onSecret(account.password);
    return account;
  }

  /** Remembers an account a step created itself (through the API or the web app). */
  adopt(account: Account): void {
    this.accounts.set(account.persona, account);
  }

  /** The persona's account, registered now when the scenario has not mentioned them before. */
  async account(persona: string): Promise<Account> {
    const known = this.accounts.get(persona);
    if (known) return known;
    const provisioned = this.provisioned[persona.toLowerCase()];
    if (provisioned) {
      const account = { persona, ...provisioned };
      this.adopt(account);
      return account;
    }
    const account = this.draft(persona);
    const response = await this.api.registerUser({
      username: account.username,
      password: account.password,
      displayName: persona,
    });
    if (response.status !== 201) {
      throw new Error(`could not create an account for ${persona}: HTTP ${response.status}`);
    }
    this.adopt(account);
    return account;
  }

  /** Keeps a token a step obtained itself, so it is redacted from every report. */
  secret(value: string): void {
    this.onSecret(value);
  }

  /** Credentials of a signed-in persona (registers and signs in on first use). */
  async credentials(persona: string): Promise<SignedIn> {
    const account = await this.account(persona);
    let token = this.tokens.get(persona);
    if (!token) {
      token = read.token(
        await this.api.issueToken({ username: account.username, password: account.password }),
      ).accessToken;
      this.onSecret(token);
      this.tokens.set(persona, token);
    }
    return { token, username: account.username };
  }

  /**
   * A token of the persona's that has expired: issued for the shortest lifetime the service
   * grants (one second), then outlived. The wait is for the token's own clock, not for the service.
   */
  async expiredToken(persona: string): Promise<Credentials> {
    const account = await this.account(persona);
    const issued = read.token(
      await this.api.issueToken({ username: account.username, password: account.password, expiresIn: 1 }),
    );
    this.onSecret(issued.accessToken);
    await new Promise((resolve) => setTimeout(resolve, issued.expiresIn * 1000 + 100));
    return { token: issued.accessToken };
  }

  /** An account already mentioned in this scenario. */
  known(persona: string): Account {
    const account = this.accounts.get(persona);
    if (!account)
      throw new ScenarioDefect(
        `${persona} has no account in this scenario: start with "Given ${persona} has an account"`,
      );
    return account;
  }

  /** The personas that have an account in this scenario (strangers excluded). */
  personas(): string[] {
    return [...this.accounts.keys()].filter((persona) => !persona.startsWith('reporter'));
  }

  /** A signed-in stranger: the many people behind "reported 3 times". */
  async stranger(index: number): Promise<SignedIn> {
    return this.credentials(`reporter${index}`);
  }
}
