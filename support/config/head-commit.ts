import { execFileSync } from 'node:child_process';

const commits = new Map<string, string | undefined>();

/**
 * The commit checked out where the run is (`git rev-parse HEAD`), asked once per process and folder:
 * the run's identity and Allure's environment both name it. None outside a git checkout.
 */
export function headCommit(cwd = process.cwd()): string | undefined {
  if (!commits.has(cwd)) {
    let commit: string | undefined;
    try {
      commit = execFileSync('git', ['rev-parse', 'HEAD'], {
        cwd,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
    } catch {
      commit = undefined;
    }
    commits.set(cwd, commit);
  }
  return commits.get(cwd);
}
