import { Accounts, newAccount } from './accounts';
import { BlockLists } from './block-lists';
import { PartnerUsage } from './partner-usage';
import { Reports } from './reports';
import { DEMO_ACCOUNT } from './seed';

/**
 * Everything the service knows, in memory. `reset()` brings back the seed data, so that a harness
 * which starts the service itself can give every scenario the same starting point.
 */
export class Store {
  readonly accounts: Accounts;
  readonly reports: Reports;
  readonly blockLists: BlockLists;
  readonly partnerUsage: PartnerUsage;

  constructor(now: () => Date, demoPassword?: string) {
    const seedAccounts = demoPassword
      ? [
          newAccount(
            DEMO_ACCOUNT.username,
            demoPassword,
            DEMO_ACCOUNT.displayName,
            new Date(DEMO_ACCOUNT.createdAt),
          ),
        ]
      : [];
    this.accounts = new Accounts(now, seedAccounts);
    this.reports = new Reports(now);
    this.blockLists = new BlockLists(now);
    this.partnerUsage = new PartnerUsage(now);
  }

  /** Back to the seed data; synchronous and cheap, as it runs before every scenario. */
  reset(): void {
    this.accounts.reset();
    this.reports.reset();
    this.blockLists.reset();
    this.partnerUsage.reset();
  }
}
