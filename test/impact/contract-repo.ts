import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { tempDir } from '../helpers/temp';

export const ROOT = path.join(__dirname, '../..');
export const CONTRACT = 'specs/openapi.yaml';

/** The OpenAPI document as YAML gives it: edited by the tests before it is written back. */
export type Document = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.test', ...args], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  }).toString();
}

/** The embedded service's contract, parsed. */
export function embeddedContract(): Document {
  return parse(fs.readFileSync(path.join(ROOT, CONTRACT), 'utf8')) as Document;
}

/** A path inside a document that must be there: a test of a change it cannot make says so. */
export function at(document: Document, ...keys: string[]): Document {
  let node: Document = document;
  for (const key of keys) {
    const next = node[key] as Document | undefined;
    if (next === undefined) throw new Error(`the contract has no ${keys.join(' › ')} (stopped at ${key})`);
    node = next;
  }
  return node;
}

export interface ContractRepo {
  readonly dir: string;
  readonly file: string;
  /** Writes the working tree's contract: the embedded one, edited. */
  edit(change: (document: Document) => void): void;
  /** Commits the working tree and tags it. */
  commit(tag: string): void;
}

/**
 * A temporary git repository holding a copy of the embedded service's contract, committed and
 * tagged `v1` (the base); `files` are copied from the harness beside it (features, catalogue).
 */
export function contractRepo(files: readonly string[] = []): ContractRepo {
  const dir = tempDir('sbe-impact-repo-');
  for (const name of [CONTRACT, ...files]) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.cpSync(path.join(ROOT, name), path.join(dir, name), { recursive: true });
  }
  git(dir, 'init', '-q');
  const repo: ContractRepo = {
    dir,
    file: path.join(dir, CONTRACT),
    edit(change) {
      const document = embeddedContract();
      change(document);
      fs.writeFileSync(repo.file, stringify(document));
    },
    commit(tag) {
      git(dir, 'add', '-A');
      git(dir, 'commit', '-q', '--allow-empty', '-m', tag);
      git(dir, 'tag', tag);
    },
  };
  repo.commit('v1');
  return repo;
}

/** Feature files of the embedded example that name operations of the contract. */
export const FEATURES = ['features/contract/partner-lookup.feature', 'features/contract/sms-reports.feature'];

/** A project (harness.config.yaml, catalogue, gate, two features) around the contract repository. */
export function project(): ContractRepo {
  const repo = contractRepo(['specs/requirements.yaml', 'gate.config.yaml', ...FEATURES]);
  fs.writeFileSync(
    path.join(repo.dir, 'harness.config.yaml'),
    [
      'title: Impact test',
      'requirements: specs/requirements.yaml',
      'gate: gate.config.yaml',
      'features: features',
      'services:',
      '  caller-id:',
      '    contract: specs/openapi.yaml',
      '',
    ].join('\n'),
  );
  return repo;
}
