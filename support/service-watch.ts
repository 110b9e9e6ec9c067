/** How the harness's own messages say that the service did not answer at all. */
export const UNREACHABLE =
  /service unreachable|ECONNREFUSED|ECONNRESET|ERR_CONNECTION_REFUSED|ERR_CONNECTION_RESET/;

/** The service was down at an earlier scenario and still is: this one is not run (it goes by `Error`). */
export class ServiceStillDownError extends Error {}

/**
 * Fails scenarios fast once the service is gone. After a scenario failed because the service did
 * not answer, the next scenarios first ask the service once, quickly; while it still does not
 * answer they fail at once, as "service unreachable", instead of each waiting for its timeouts.
 */
export class ServiceWatch {
  private down: { readonly reason: string; readonly since: string } | undefined;

  /** `probe` answers the problem in one line, or undefined when the service is up. */
  constructor(private readonly probe: () => Promise<string | undefined>) {}

  /** Called with every failed scenario's message. */
  noteFailure(message: string, scenario: string): void {
    if (!this.down && UNREACHABLE.test(message)) {
      this.down = { reason: message.split('\n')[0] ?? message, since: scenario };
    }
  }

  /** Was the service down at an earlier scenario (so that `check` asks it again)? */
  get suspectsDown(): boolean {
    return this.down !== undefined;
  }

  /** Throws when the service was down and still is; forgets it when it is back. */
  async check(): Promise<void> {
    if (!this.down) return;
    const problem = await this.probe();
    if (problem === undefined) {
      this.down = undefined;
      return;
    }
    throw new ServiceStillDownError(
      `service unreachable: scenario not run: ${problem} (down since "${this.down.since}": ${this.down.reason})`,
    );
  }
}
