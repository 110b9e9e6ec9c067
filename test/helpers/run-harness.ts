import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from './temp';

export const ROOT = path.join(__dirname, '../..');

/** The TypeScript loader the package.json scripts preload (`node -r ./support/register.cjs …`). */
export const REGISTER = path.join(ROOT, 'support/register.cjs');

export interface HarnessRun {
  readonly code: number | null;
  readonly output: string;
  /** Where this run wrote its reports (a fresh temporary folder unless REPORTS_DIR was given). */
  readonly reportsDir: string;
}

/** The package.json scripts: what `npm run <command>` runs. */
const SCRIPTS = (
  JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
).scripts;

/**
 * Runs one harness command (`spec`, `gate`, `docs` …) as `npm run <command>` does, in its own process
 * and with its own reports folder: what a user would see, exit code included.
 */
export function runHarness(
  command: string,
  args: readonly string[] = [],
  env: NodeJS.ProcessEnv = {},
  options: {
    timeoutMs?: number;
    /** The reader of the command's standard output goes away after its first output, as `| head -1`. */
    readerLeaves?: boolean;
  } = {},
): Promise<HarnessRun> {
  const reportsDir = env.REPORTS_DIR ?? tempDir('sbe-reports-');
  const script = SCRIPTS[command];
  if (!script) throw new Error(`package.json has no script "${command}"`);
  return new Promise((resolve, reject) => {
    // The package.json script itself, with its arguments, as npm runs it (a shell, node_modules/.bin
    // on the PATH), so the scripts are exercised too; without npm's own start-up, a third of a
    // second per run. `exec`: the harness's process is the child, and a signal reaches it.
    const child = spawn('sh', ['-c', `exec ${script} "$@"`, command, ...args], {
      cwd: ROOT,
      env: {
        ...process.env,
        PATH: `${path.join(ROOT, 'node_modules/.bin')}${path.delimiter}${process.env.PATH ?? ''}`,
        CI: 'true',
        FORCE_COLOR: '0',
        ...env,
        REPORTS_DIR: reportsDir,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (options.readerLeaves) child.stdout.destroy();
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 180_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output, reportsDir });
    });
  });
}
