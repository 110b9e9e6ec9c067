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
 * Runs one harness command (`spec`, `gate`, `docs` …) with `npm run <command>`, in its own process
 * and with its own reports folder: what a user would see, exit code included.
 */
export function runHarness(
  command: string,
  args: readonly string[] = [],
  env: NodeJS.ProcessEnv = {},
  options: { timeoutMs?: number } = {},
): Promise<HarnessRun> {
  const reportsDir = env.REPORTS_DIR ?? tempDir('sbe-reports-');
  return new Promise((resolve, reject) => {
    // Through npm, as the README says: the package.json scripts are exercised too.
    const child = spawn('npm', ['run', '--silent', command, '--', ...args], {
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
      // npm's own complaints about the machine's npm configuration are not the harness's output.
      const own = output
        .split('\n')
        .filter((line) => !line.startsWith('npm warn'))
        .join('\n');
      resolve({ code, output: own, reportsDir });
    });
  });
}
