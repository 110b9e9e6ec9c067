import type { Browser, BrowserType } from 'playwright';
import type { HarnessConfig } from '../config/config';
import { EnvironmentError, UsageError } from '../errors';
import { chromiumArgs, findBrowser, launchFound } from './find-browser';

/**
 * One browser per worker process, launched on first use: a run without UI scenarios never
 * starts one. With PW_CONNECT_WS the worker connects to a Playwright browser server instead.
 */
export class WorkerBrowser {
  private launching: Promise<Browser> | undefined;

  constructor(private readonly config: HarnessConfig) {}

  /** `chromium 156.0.8078.79`, for the reports' environment. */
  async describe(): Promise<string> {
    const browser = await this.get();
    return `${this.config.browser} ${browser.version()}`;
  }

  get(): Promise<Browser> {
    this.launching ??= this.start();
    return this.launching;
  }

  async close(): Promise<void> {
    if (!this.launching) return;
    const browser = await this.launching.catch(() => undefined);
    this.launching = undefined;
    await browser?.close();
  }

  private async start(): Promise<Browser> {
    // Playwright is loaded here, on the first UI scenario: runs without one never pay for it.
    const playwright = await import('playwright');
    const type: BrowserType = playwright[this.config.browser];
    if (this.config.browserWsEndpoint) {
      try {
        return await type.connect(this.config.browserWsEndpoint, { timeout: this.config.uiTimeoutMs * 2 });
      } catch (error) {
        throw new UsageError(
          `PW_CONNECT_WS: cannot connect to the browser server at ${this.config.browserWsEndpoint}: ${firstLine(error)}`,
        );
      }
    }
    const headless = !this.config.headed;
    const found = findBrowser(
      this.config.browser,
      this.config.chromiumPath,
      () => playwright.chromium.executablePath(),
      { headless },
    );
    try {
      return await launchFound(found, (executablePath) =>
        type.launch({
          headless,
          slowMo: this.config.slowMoMs,
          ...(executablePath ? { executablePath } : {}),
          ...(this.config.browser === 'chromium' ? { args: chromiumArgs() } : {}),
        }),
      );
    } catch (error) {
      const from = found.executablePath ?? `Playwright's ${this.config.browser}`;
      throw new EnvironmentError(`cannot launch ${from} (${found.source}): ${firstLine(error)}`);
    }
  }
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n').find((line) => line.trim() !== '') ?? message).trim();
}
