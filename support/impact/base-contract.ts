import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadContract, type Contract } from '../contract/load';
import { UsageError, displayPath } from '../errors';

/** The base cannot be read: exit 2, one line naming the ref or file. */
export class CannotCompare extends UsageError {}

/** A contract at the base; undefined when the service's contract did not exist there yet. */
export interface BaseContract {
  /** `v1.2.0:specs/openapi.yaml` or the file as given. */
  readonly label: string;
  readonly contract: Contract | undefined;
}

function git(cwd: string, args: readonly string[]): Buffer {
  return execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
}

/** Is `base` a file (compared as it is) rather than a git ref? */
export function isContractFile(base: string): boolean {
  return fs.statSync(path.resolve(base), { throwIfNoEntry: false })?.isFile() === true;
}

async function loadNamed(file: string, label: string, shown: string): Promise<Contract> {
  try {
    return await loadContract(file);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    // The message names the file it read: name it as the user knows it.
    throw new CannotCompare(`${error.message.split('\n')[0]!.split(shown).join(label)} (the base)`);
  }
}

/** A contract file given as the base, read as the harness reads any contract. */
export async function fileBase(file: string): Promise<BaseContract> {
  const resolved = path.resolve(file);
  const label = displayPath(resolved);
  return { label, contract: await loadNamed(resolved, label, displayPath(resolved)) };
}

function repositoryRoot(dir: string, ref: string): string {
  try {
    return git(dir, ['rev-parse', '--show-toplevel']).toString().trim();
  } catch {
    throw new CannotCompare(
      `${ref}: not a contract file, and ${displayPath(dir)} is not in a git repository`,
    );
  }
}

/**
 * The contract a service had at a git ref: its file and the files beside it (a contract split in
 * several files) written to a temporary folder, then read and checked as any contract.
 */
export async function gitBase(ref: string, contractFile: string): Promise<BaseContract> {
  const root = repositoryRoot(path.dirname(contractFile), ref);
  try {
    git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  } catch {
    throw new CannotCompare(
      `${ref}: neither a contract file nor a commit, branch or tag of the git repository`,
    );
  }
  const relative = path
    .relative(fs.realpathSync(root), fs.realpathSync(contractFile))
    .split(path.sep)
    .join('/');
  const label = `${ref}:${relative}`;
  try {
    git(root, ['cat-file', '-e', label]);
  } catch {
    return { label, contract: undefined };
  }
  const folder = path.posix.dirname(relative);
  const files =
    folder === '.'
      ? [relative]
      : git(root, ['ls-tree', '-r', '-z', '--name-only', ref, '--', folder])
          .toString()
          .split('\0')
          .filter((name) => /\.(ya?ml|json)$/i.test(name));
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'sbe-impact-base-'));
  try {
    for (const name of files) {
      const target = path.join(copy, ...name.split('/'));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, git(root, ['show', `${ref}:${name}`]));
    }
    const file = path.join(copy, ...relative.split('/'));
    return { label, contract: await loadNamed(file, label, displayPath(file)) };
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
}

/** The base of one service's contract: a file as given, else a git ref. */
export function baseContract(base: string, contractFile: string): Promise<BaseContract> {
  return isContractFile(base) ? fileBase(base) : gitBase(base, contractFile);
}
