/** How many lookups a partner account may make in a day, and in a month. */
export const PARTNER_LIMITS = { day: 1000, month: 20000 } as const;

export type UsagePeriod = keyof typeof PARTNER_LIMITS;

/**
 * The lookups each partner account made (`identifyForPartner`), for its usage dashboard. Periods
 * are calendar days and months in UTC.
 */
export class PartnerUsage {
  private readonly lookups = new Map<string, Date[]>();

  constructor(private readonly now: () => Date) {}

  record(partner: string): void {
    const made = this.lookups.get(partner) ?? [];
    made.push(this.now());
    this.lookups.set(partner, made);
  }

  /** The lookups the partner made in the current day or month. */
  count(partner: string, period: UsagePeriod): number {
    const now = this.now();
    const start =
      period === 'day'
        ? Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())
        : Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
    return (this.lookups.get(partner) ?? []).filter((at) => at.getTime() >= start).length;
  }

  reset(): void {
    this.lookups.clear();
  }
}
