import type { BlockedNumber } from './types';

interface Entry {
  readonly entry: BlockedNumber;
  /** Order of blocking, to tell apart numbers blocked at the same instant. */
  readonly seq: number;
}

/** Everyone's block list, each private to its owner. */
export class BlockLists {
  private lists = new Map<string, Map<string, Entry>>();
  private seq = 0;

  constructor(private readonly now: () => Date) {}

  reset(): void {
    this.lists = new Map();
    this.seq = 0;
  }

  block(username: string, number: string, label: string | null): BlockedNumber | 'duplicate' {
    const list = this.lists.get(username) ?? new Map<string, Entry>();
    if (list.has(number)) return 'duplicate';
    this.seq += 1;
    const entry: BlockedNumber = { number, label, blockedAt: this.now() };
    list.set(number, { entry, seq: this.seq });
    this.lists.set(username, list);
    return entry;
  }

  /** False when the number is not on the list. */
  unblock(username: string, number: string): boolean {
    return this.lists.get(username)?.delete(number) ?? false;
  }

  /** A person's block list, most recently blocked first. */
  listOf(username: string): BlockedNumber[] {
    return [...(this.lists.get(username)?.values() ?? [])]
      .sort((a, b) => b.entry.blockedAt.getTime() - a.entry.blockedAt.getTime() || b.seq - a.seq)
      .map(({ entry }) => entry);
  }
}
