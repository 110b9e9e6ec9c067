import { execFile } from 'node:child_process';

const commits = new Map<string, Promise<string | undefined>>();

/**
 * The commit checked out where the run is (`git rev-parse HEAD`), asked once per process and folder
 * and without waiting for it: git answers while the run loads. The run's identity and Allure's
 * environment both name it. None outside a git checkout, or without git.
 */
export function headCommit(cwd = process.cwd()): Promise<string | undefined> {
  let commit = commits.get(cwd);
  if (!commit) {
    commit = new Promise((resolve) => {
      execFile('git', ['rev-parse', 'HEAD'], { cwd, encoding: 'utf8', windowsHide: true }, (error, stdout) =>
        resolve(error ? undefined : stdout.trim() || undefined),
      );
    });
    commits.set(cwd, commit);
  }
  return commit;
}
