import crypto from 'node:crypto';

/**
 * Names no other scenario uses — in this run, in other workers, or in earlier runs against the
 * same deployment: each process draws a random salt and counts from it. Against the embedded
 * service the state is also reset between scenarios; against a deployment this is the isolation.
 */
export class Isolation {
  private static counter = 0;
  private static readonly numberSalt = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
  private static readonly nameSalt = crypto.randomBytes(5).toString('hex').slice(0, 8);

  /** A username for a persona: `alice-1f3a9c2e-12`. */
  username(persona: string): string {
    const base = persona
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '')
      .slice(0, 20);
    return `${base || 'user'}-${Isolation.nameSalt}-${Isolation.next()}`;
  }

  /** A well-formed Taiwanese mobile number nobody has reported: `+886 9 <salt> <counter>`. */
  freshNumber(): string {
    return `+8869${Isolation.numberSalt}${String(Isolation.next() % 100_000).padStart(5, '0')}`;
  }

  /** A password good for one account in one scenario. */
  password(): string {
    return `pw-${crypto.randomBytes(12).toString('base64url')}`;
  }

  private static next(): number {
    Isolation.counter += 1;
    return Isolation.counter;
  }
}
