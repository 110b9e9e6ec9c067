import type { Locator } from '@playwright/test';
import { WebAppPage } from './web-app';

/** "My block list": block numbers, see them, unblock them. */
export class BlockListPage extends WebAppPage {
  async open(): Promise<void> {
    await this.page.goto('/block-list');
  }

  async block(number: string, label?: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Block a number' });
    await form.getByLabel('Phone number').fill(number);
    if (label !== undefined) await form.getByLabel('Label (optional)').fill(label);
    await form.getByRole('button', { name: 'Block' }).click();
  }

  get entries(): Locator {
    return this.page.getByRole('list', { name: 'Blocked numbers' }).getByRole('listitem');
  }

  entry(number: string): Locator {
    return this.entries.filter({ hasText: number });
  }

  async unblock(number: string): Promise<void> {
    await this.page.getByRole('button', { name: `Unblock ${number}` }).click();
  }

  get emptyMessage(): Locator {
    return this.page.getByText('No blocked numbers yet.');
  }
}
