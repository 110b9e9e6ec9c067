import type { Expect, Locator, Page, expect as playwrightExpect } from '@playwright/test';
import { config } from '../config/config';

type LocatorAssertions = ReturnType<typeof playwrightExpect<Locator>>;

let configured: Expect | undefined;

/**
 * Playwright's auto-waiting assertion on a locator, waiting as long as one UI action may take.
 * `@playwright/test` is loaded on the first UI assertion: the step files that import this are
 * loaded by every run, API-only ones included, and need not pay for it.
 */
export function expect(locator: Locator, message: string): LocatorAssertions {
  if (!configured) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily, see above
    const loaded = require('@playwright/test') as { expect: Expect };
    configured = loaded.expect.configure({ timeout: config().uiTimeoutMs });
  }
  return configured(locator, message);
}

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
