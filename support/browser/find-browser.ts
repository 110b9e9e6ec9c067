import fs from 'node:fs';
import type { BrowserName } from '../config/config';
import { EnvironmentError, UsageError } from '../errors';

/**
 * Chromium's headless shell: the old headless mode as a build of its own (Debian:
 * `chromium-headless-shell`). Playwright runs its own for headless runs; it renders the same pages
 * for about half the CPU of a full Chromium in its new headless mode.
 */
export const SYSTEM_HEADLESS_SHELL_PATHS = ['/usr/bin/chromium-headless-shell'];

/** System Chromium builds, in the order they are tried. */
export const SYSTEM_CHROMIUM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export interface FoundBrowser {
  /**
   * undefined = Playwright's own build, chosen by Playwright: its Firefox or WebKit, or for a
   * headless run its Chromium headless shell.
   */
  readonly executablePath: string | undefined;
  readonly source: 'CHROMIUM_PATH' | 'playwright' | 'system';
  /** Launched instead when the first choice is not installed: Playwright's full Chromium. */
  readonly fallbackPath?: string;
}

export const INSTALL_HINT =
  'install one with `npm run setup` (or `npx playwright install chromium`); on Debian/Ubuntu ' +
  '`apt-get install -y chromium` also works, or point CHROMIUM_PATH at any Chromium/Chrome executable';

/**
 * Which browser build to launch: CHROMIUM_PATH when set (it must exist), else Playwright's own
 * download when present, else a system Chromium. A headless run takes a headless shell where there
 * is one (Playwright's, or the system's). Throws a message saying how to get one.
 */
export function findBrowser(
  browser: BrowserName,
  chromiumPath: string | undefined,
  playwrightPath: () => string,
  {
    exists = fs.existsSync,
    headless = true,
  }: { exists?: (file: string) => boolean; headless?: boolean } = {},
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
  if (own && exists(own)) {
    // Playwright's headless shell is not always installed with it (`install --no-shell`).
    return headless
      ? { executablePath: undefined, source: 'playwright', fallbackPath: own }
      : { executablePath: own, source: 'playwright' };
  }
  const system = [...(headless ? SYSTEM_HEADLESS_SHELL_PATHS : []), ...SYSTEM_CHROMIUM_PATHS].find(
    (candidate) => exists(candidate),
  );
  if (system) return { executablePath: system, source: 'system' };
  throw new EnvironmentError(`No Chromium found for the UI scenarios: ${INSTALL_HINT}`);
}

/**
 * Launches what `findBrowser` found, through `launch` (a launch or a browser server): its first
 * choice, else, when that build is not installed, its fallback.
 */
export async function launchFound<T>(
  found: FoundBrowser,
  launch: (executablePath: string | undefined) => Promise<T>,
): Promise<T> {
  try {
    return await launch(found.executablePath);
  } catch (error) {
    const missing = error instanceof Error && /Executable doesn't exist/.test(error.message);
    if (!missing || found.fallbackPath === undefined) throw error;
    return launch(found.fallbackPath);
  }
}

/**
 * Flags for Chromium: no background traffic (closed networks refuse it, noisily), and no sandbox
 * when running as root, where Chromium refuses to start with one.
 */
export function chromiumArgs(isRoot = process.getuid?.() === 0): string[] {
  const args = ['--disable-background-networking', '--disable-component-update', '--disable-sync'];
  return isRoot ? ['--no-sandbox', ...args] : args;
}
