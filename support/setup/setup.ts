/**
 * `npm run setup` (after `npm ci`): makes sure the UI scenarios have a browser.
 *   1. a browser already there (CHROMIUM_PATH, Playwright's own, a system Chromium) is used as is;
 *   2. else Playwright downloads its Chromium (`npx playwright install chromium`);
 *   3. else, as root on Debian/Ubuntu, the system's Chromium is installed with apt-get;
 *   4. else it says what to install, and exits 1.
 * It also makes sure Java 11+ is there for the model generator (`npm run generate`, and the drift
 * check in `npm test`), and on Linux a Chinese font (the features and the living docs hold
 * Traditional Chinese), installing them with apt-get where it can.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium } from 'playwright';
import {
  findBrowser,
  INSTALL_HINT,
  SYSTEM_HEADLESS_SHELL_PATHS,
  type FoundBrowser,
} from '../browser/find-browser';
import { config } from '../config/config';
import { HARNESS_ROOT } from '../config/project-dir';
import { ExitCode, displayPath, oneLine } from '../errors';

function run(command: string, args: string[], timeoutMs: number): boolean {
  console.log(`setup: $ ${command} ${args.join(' ')}`);
  return spawnSync(command, args, { stdio: 'inherit', timeout: timeoutMs }).status === 0;
}

function find(): FoundBrowser | undefined {
  try {
    return findBrowser('chromium', config().chromiumPath, () => chromium.executablePath());
  } catch {
    return undefined;
  }
}

function found(): string | undefined {
  const browser = find();
  if (!browser) return undefined;
  const where =
    browser.executablePath ?? `Playwright's Chromium headless shell, else ${browser.fallbackPath}`;
  return `${where} (${browser.source})`;
}

const canApt = (): boolean => process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get');
let aptUpdated = false;

function apt(args: string[]): boolean {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const aptGet = (command: string[]): boolean =>
    spawnSync('apt-get', command, { stdio: 'inherit', env, timeout: 15 * 60_000 }).status === 0;
  if (!aptUpdated) aptUpdated = aptGet(['update']);
  return aptUpdated && aptGet(args);
}

function installChromiumWithApt(): boolean {
  if (!canApt()) return false;
  console.log('setup: installing the system Chromium with apt-get');
  return (
    apt(['install', '-y', '--no-install-recommends', 'chromium', HEADLESS_SHELL_PACKAGE]) ||
    apt(['install', '-y', '--no-install-recommends', 'chromium']) ||
    apt(['install', '-y', 'chromium-browser'])
  );
}

const HEADLESS_SHELL_PACKAGE = 'chromium-headless-shell';

/**
 * A system Chromium without its headless shell beside it: the shell runs the UI scenarios for about
 * half the CPU, so it is added where apt-get can (the full Chromium stays, for HEADED=1 runs).
 */
function addHeadlessShell(): void {
  const browser = find();
  const shell = SYSTEM_HEADLESS_SHELL_PATHS.includes(browser?.executablePath ?? '');
  if (browser?.source !== 'system' || shell || !canApt()) return;
  console.log(`setup: adding Chromium's headless shell (${HEADLESS_SHELL_PACKAGE}) with apt-get`);
  if (!apt(['install', '-y', '--no-install-recommends', HEADLESS_SHELL_PACKAGE])) {
    console.warn('setup: no headless shell; the UI scenarios run in the full Chromium');
  }
}

/** Traditional Chinese needs a CJK font to render in the browser (screenshots, living docs). */
function ensureChineseFont(): void {
  if (process.platform !== 'linux') return;
  const fonts = spawnSync('fc-list', [':lang=zh-tw', 'family'], { encoding: 'utf8' });
  if (fonts.status === 0 && fonts.stdout.trim() !== '') return;
  if (canApt() && apt(['install', '-y', '--no-install-recommends', 'fonts-wqy-zenhei'])) {
    console.log('setup: installed a Chinese font (fonts-wqy-zenhei)');
  } else {
    console.warn(
      'setup: no Chinese font: Traditional Chinese shows as boxes in the browser (install fonts-noto-cjk)',
    );
  }
}

/** Java 11+ runs the OpenAPI generator that `npm run generate` and the drift check use. */
function ensureJava(): boolean {
  const version = (): number | undefined => {
    const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
    const major = /version "(?:1\.)?(\d+)/.exec(`${probe.stderr ?? ''}${probe.stdout ?? ''}`)?.[1];
    return probe.status === 0 && major ? Number(major) : undefined;
  };
  const present = version();
  if (present !== undefined && present >= 11) return true;
  if (canApt() && apt(['install', '-y', '--no-install-recommends', 'default-jre-headless'])) {
    const installed = version();
    if (installed !== undefined && installed >= 11) {
      console.log(`setup: installed Java ${installed} for the model generator`);
      return true;
    }
  }
  console.error(
    `setup: the model generator needs Java 11+ (found ${present === undefined ? 'none' : present}): ` +
      'install a JRE, e.g. `apt-get install -y default-jre-headless` or `brew install openjdk@17`',
  );
  return false;
}

/** The harness's own TypeScript and the project's steps, transpiled into the cache ahead of the first run. */
function transpileAhead(): void {
  // Only time is at stake: setup goes on whatever goes wrong here.
  try {
    transpileFiles();
  } catch (error) {
    console.warn(`setup: the TypeScript was not transpiled ahead: ${oneLine(error)}`);
  }
}

function transpileFiles(): void {
  const dirs = ['support', 'steps', 'sut', 'test', 'bench'].map((dir) => path.join(HARNESS_ROOT, dir));
  const files = [...new Set([...dirs, ...config().stepsDirs])]
    .filter((dir) => fs.existsSync(dir))
    .flatMap((dir) =>
      fs
        .readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts') && !name.includes('node_modules'))
        .map((name) => path.join(dir, name)),
    );
  const started = Date.now();
  // The loader every command preloads (`-r ./support/register.cjs`), already loaded here.
  const register = createRequire(__filename)('../register.cjs') as {
    transpileAhead(files: readonly string[]): string[];
  };
  const failed = register.transpileAhead(files);
  console.log(`setup: ${files.length} TypeScript files transpiled ahead (${Date.now() - started} ms)`);
  // A file that does not transpile is named, with what is wrong with it, by the command that loads it.
  if (failed.length > 0)
    console.warn(`setup: not transpiled: ${failed.map((file) => displayPath(file)).join(', ')}`);
}

function main(): number {
  ensureChineseFont();
  transpileAhead();
  if (!ensureJava()) return ExitCode.failed;
  addHeadlessShell();
  const existing = found();
  if (existing) {
    console.log(`setup: browser ready: ${existing}`);
    return ExitCode.ok;
  }
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  if (run(npx, ['playwright', 'install', 'chromium'], 10 * 60_000) && found()) {
    console.log(`setup: browser ready: ${found()}`);
    return ExitCode.ok;
  }
  console.log("setup: Playwright's Chromium could not be downloaded; trying the system's Chromium");
  if (installChromiumWithApt() && found()) {
    console.log(`setup: browser ready: ${found()}`);
    return ExitCode.ok;
  }
  console.error(`setup: no browser for the UI scenarios: ${INSTALL_HINT}`);
  return ExitCode.failed;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(`setup: ${oneLine(error)}`);
  process.exitCode = ExitCode.unusable;
}
