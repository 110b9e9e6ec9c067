import { expect as playwrightExpect, type Locator, type Page } from '@playwright/test';
import { config } from '../config/config';

/** Playwright's auto-waiting assertions, waiting as long as one UI action may take. */
export const expect = playwrightExpect.configure({ timeout: config().uiTimeoutMs });

/**
 * What every page of the web app shares: the main navigation, the signed-in indicator and the
 * message areas. Page objects find elements by role and accessible name, as a person would.
 */
export class WebAppPage {
  constructor(protected readonly page: Page) {}

  /** Messages after an action that worked: "Thank you. Your report … was recorded." */
  get status(): Locator {
    return this.page.getByRole('status');
  }

  /** Messages after an action that was refused. */
  get alert(): Locator {
    return this.page.getByRole('alert');
  }

  signedInAs(username: string): Locator {
    return this.page.getByRole('banner').getByText(`Signed in as ${username}`);
  }

  get signInLink(): Locator {
    return this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign in' });
  }

  async signOut(): Promise<void> {
    await this.page.getByRole('button', { name: 'Sign out' }).click();
  }
}
