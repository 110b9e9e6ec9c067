import { WebAppPage } from './web-app';

/** Report a number, with a category and an optional comment. */
export class ReportPage extends WebAppPage {
  async report(number: string, categoryLabel: string, comment?: string): Promise<void> {
    await this.page.goto(`/report?number=${encodeURIComponent(number)}`);
    const form = this.page.getByRole('form', { name: 'Report a number' });
    await form.getByLabel('Phone number').fill(number);
    await form.getByLabel('Category').selectOption({ label: categoryLabel });
    if (comment !== undefined) await form.getByLabel('Comment (optional)').fill(comment);
    await form.getByRole('button', { name: 'Send report' }).click();
  }
}
