import { chromium, type Browser, type Page } from 'playwright';
import { chromiumArgs, findBrowser, launchFound } from '../../support/browser/find-browser';

/** The same Chromium the harness would use, for tests that look at what users see. */
export function launchChromium(): Promise<Browser> {
  const found = findBrowser('chromium', process.env.CHROMIUM_PATH, () => chromium.executablePath());
  return launchFound(found, (executablePath) =>
    chromium.launch({ ...(executablePath ? { executablePath } : {}), args: chromiumArgs() }),
  );
}

/** Console errors and failed requests of a page, collected from the moment it opens. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => errors.push(`request failed: ${request.url()}`));
  return errors;
}
