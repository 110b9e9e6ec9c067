import type { Locator } from '@playwright/test';
import { WebAppPage } from './web-app';

const LEVEL_LABELS: Readonly<Record<string, string>> = {
  none: 'None',
  suspicious: 'Suspicious',
  spam: 'Spam',
  fraud: 'Fraud',
};

/** "Who's calling?": search a number and read its result card. */
export class LookupPage extends WebAppPage {
  async open(): Promise<void> {
    await this.page.goto('/');
  }

  async lookUp(number: string): Promise<void> {
    const search = this.page.getByRole('search', { name: 'Look up a number' });
    await search.getByLabel('Phone number').fill(number);
    await search.getByRole('button', { name: 'Look up' }).click();
  }

  get result(): Locator {
    return this.page.getByRole('region', { name: 'Lookup result' });
  }

  /** A fact of the result card, by its term: "Spam level", "Report count", … */
  fact(term: string): Locator {
    return this.result.getByRole('group', { name: term }).getByRole('definition');
  }

  get callerName(): Locator {
    return this.result.getByRole('heading', { level: 2 });
  }

  get spamLevel(): Locator {
    return this.fact('Spam level');
  }

  get reportCount(): Locator {
    return this.fact('Report count');
  }

  get callerType(): Locator {
    return this.fact('Caller type');
  }

  get verification(): Locator {
    return this.fact('Verification');
  }

  get fraudWarning(): Locator {
    return this.result.getByText(/do not share codes or transfer money/i);
  }

  static levelLabel(level: string): string {
    return LEVEL_LABELS[level] ?? level;
  }

  async blockFromResult(): Promise<void> {
    await this.result.getByRole('button', { name: 'Block this number' }).click();
  }
}
