import fs from 'node:fs';
import type { BrowserName } from '../config/config';
import { EnvironmentError, UsageError } from '../errors';

/** System Chromium builds, in the order they are tried. */
export const SYSTEM_CHROMIUM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export interface FoundBrowser {
  /** undefined = Playwright's own Firefox or WebKit, located by Playwright. */
  readonly executablePath: string | undefined;
  readonly source: 'CHROMIUM_PATH' | 'playwright' | 'system';
}

export const INSTALL_HINT =
  'install one with `npm run setup` (or `npx playwright install chromium`); on Debian/Ubuntu ' +
  '`apt-get install -y chromium` also works, or point CHROMIUM_PATH at any Chromium/Chrome executable';

/**
 * Which browser build to launch: CHROMIUM_PATH when set (it must exist), else Playwright's own
 * download when present, else a system Chromium. Throws a message saying how to get one.
 */
export function findBrowser(
  browser: BrowserName,
  chromiumPath: string | undefined,
  playwrightPath: () => string,
  exists: (file: string) => boolean = fs.existsSync,
): FoundBrowser {
  if (browser !== 'chromium') {
    // Firefox and WebKit only come from Playwright (`npx playwright install firefox webkit`).
    return { executablePath: undefined, source: 'playwright' };
  }
  if (chromiumPath) {
    if (!exists(chromiumPath))
      throw new UsageError(`CHROMIUM_PATH: ${chromiumPath} does not exist; ${INSTALL_HINT}`);
    return { executablePath: chromiumPath, source: 'CHROMIUM_PATH' };
  }
  let own: string | undefined;
  try {
    own = playwrightPath();
  } catch {
    own = undefined;
  }
  if (own && exists(own)) return { executablePath: own, source: 'playwright' };
  const system = SYSTEM_CHROMIUM_PATHS.find((candidate) => exists(candidate));
  if (system) return { executablePath: system, source: 'system' };
  throw new EnvironmentError(`No Chromium found for the UI scenarios: ${INSTALL_HINT}`);
}

/**
 * Flags for Chromium: no background traffic (closed networks refuse it, noisily), and no sandbox
 * when running as root, where Chromium refuses to start with one.
 */
export function chromiumArgs(isRoot = process.getuid?.() === 0): string[] {
  const args = ['--disable-background-networking', '--disable-component-update', '--disable-sync'];
  return isRoot ? ['--no-sandbox', ...args] : args;
}
