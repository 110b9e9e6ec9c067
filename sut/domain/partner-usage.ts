/** How many lookups a partner account may make in a day, and in a month. */
export const PARTNER_LIMITS = { day: 1000, month: 20000 } as const;

export type UsagePeriod = keyof typeof PARTNER_LIMITS;

/**
 * How many lookups each partner account made (`identifyForPartner`), per UTC calendar day, for its
 * usage dashboard: a count per day, not a record per lookup, so a busy partner costs no memory.
 */
export class PartnerUsage {
  /** Partner → `YYYY-MM-DD` (UTC) → lookups that day. */
  private readonly perDay = new Map<string, Map<string, number>>();

  constructor(private readonly now: () => Date) {}

  record(partner: string): void {
    const days = this.perDay.get(partner) ?? new Map<string, number>();
    const day = dayOf(this.now());
    days.set(day, (days.get(day) ?? 0) + 1);
    this.perDay.set(partner, days);
  }

  /** The lookups the partner made in the current day or month. */
  count(partner: string, period: UsagePeriod): number {
    const today = dayOf(this.now());
    const current = period === 'day' ? today : today.slice(0, 'YYYY-MM'.length);
    let total = 0;
    for (const [day, lookups] of this.perDay.get(partner) ?? [])
      if (day.startsWith(current)) total += lookups;
    return total;
  }

  reset(): void {
    this.perDay.clear();
  }
}

function dayOf(at: Date): string {
  return at.toISOString().slice(0, 'YYYY-MM-DD'.length);
}
