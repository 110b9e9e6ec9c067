import { spawn } from 'node:child_process';
import path from 'node:path';
import { tempDir } from './temp';

export const ROOT = path.join(__dirname, '../..');

export interface HarnessRun {
  readonly code: number | null;
  readonly output: string;
  /** Where this run wrote its reports (a fresh temporary folder unless REPORTS_DIR was given). */
  readonly reportsDir: string;
}

/**
 * Runs one harness command (`spec`, `gate`, `docs` …) the way `npm run <command>` does, in its own
 * process, with its own reports folder: what a user would see, exit code included.
 */
export function runHarness(
  command: string,
  args: readonly string[] = [],
  env: NodeJS.ProcessEnv = {},
  options: { timeoutMs?: number } = {},
): Promise<HarnessRun> {
  const reportsDir = env.REPORTS_DIR ?? tempDir('sbe-reports-');
  const script = path.join(ROOT, 'support/cli', `${command}.ts`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', 'ts-node/register', script, ...args], {
      cwd: ROOT,
      env: { ...process.env, CI: 'true', FORCE_COLOR: '0', ...env, REPORTS_DIR: reportsDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 180_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output, reportsDir });
    });
  });
}
