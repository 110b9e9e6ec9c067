import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { AstBuilder, GherkinClassicTokenMatcher, Parser } from '@cucumber/gherkin';
import { IdGenerator, type Scenario } from '@cucumber/messages';
import { findFeatureFiles } from '../gherkin/feature-files';
import { scenarioSites } from '../gherkin/walk';
import { CannotCompare } from './base-contract';

/** One scenario (or outline) of a feature file, as its text reads. */
export interface ScenarioText {
  readonly uri: string;
  readonly name: string;
  readonly line: number;
  /** Its steps, tables, doc strings and examples, one line each: what "reworded" compares. */
  readonly lines: readonly string[];
}

/** A scenario added, removed or reworded between the base and the working tree. */
export interface ScenarioChange {
  readonly kind: 'added' | 'removed' | 'reworded';
  readonly uri: string;
  readonly name: string;
  /** The line in the working tree (added, reworded) or at the base (removed). */
  readonly line: number;
  /** A reworded scenario's name at the base, when it changed. */
  readonly previousName?: string;
  /** The lines only the base has, and only the working tree has (reworded). */
  readonly removedLines?: readonly string[];
  readonly addedLines?: readonly string[];
}

function textOf(scenario: Scenario): string[] {
  const lines: string[] = [];
  for (const step of scenario.steps) {
    lines.push(`${step.keyword.trim()} ${step.text}`);
    for (const row of step.dataTable?.rows ?? [])
      lines.push(`| ${row.cells.map((cell) => cell.value).join(' | ')} |`);
    if (step.docString) lines.push(...step.docString.content.split('\n').map((line) => `  ${line}`));
  }
  for (const examples of scenario.examples) {
    lines.push(`${examples.keyword.trim()}: ${examples.name}`.trim());
    for (const row of [...(examples.tableHeader ? [examples.tableHeader] : []), ...examples.tableBody])
      lines.push(`| ${row.cells.map((cell) => cell.value).join(' | ')} |`);
  }
  return lines;
}

/** The scenarios of one feature file's text; none when it does not parse (the lint says why). */
export function scenariosOf(uri: string, source: string): ScenarioText[] {
  let document;
  try {
    document = new Parser(new AstBuilder(IdGenerator.incrementing()), new GherkinClassicTokenMatcher()).parse(
      source,
    );
  } catch {
    return [];
  }
  return scenarioSites(document).map(({ scenario }) => ({
    uri,
    name: scenario.name,
    line: scenario.location.line,
    lines: textOf(scenario),
  }));
}

const sameLines = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((line, index) => line === b[index]);

/**
 * Scenario by scenario, not line by line: matched by file and name, then (a renamed one) by its
 * unchanged text; what matches with other text is reworded, the rest added or removed.
 */
export function diffScenarios(
  before: readonly ScenarioText[],
  after: readonly ScenarioText[],
): ScenarioChange[] {
  const key = (scenario: ScenarioText): string => `${scenario.uri}\n${scenario.name}`;
  const unmatched = new Map(before.map((scenario) => [key(scenario), scenario]));
  const changes: ScenarioChange[] = [];
  const fresh: ScenarioText[] = [];
  for (const scenario of after) {
    const old = unmatched.get(key(scenario));
    if (!old) {
      fresh.push(scenario);
      continue;
    }
    unmatched.delete(key(scenario));
    if (!sameLines(old.lines, scenario.lines)) changes.push(reworded(old, scenario));
  }
  for (const scenario of fresh) {
    const renamed = [...unmatched.values()].find(
      (old) => old.uri === scenario.uri && sameLines(old.lines, scenario.lines),
    );
    if (renamed) {
      unmatched.delete(key(renamed));
      changes.push(reworded(renamed, scenario));
    } else changes.push({ kind: 'added', uri: scenario.uri, name: scenario.name, line: scenario.line });
  }
  for (const old of unmatched.values())
    changes.push({ kind: 'removed', uri: old.uri, name: old.name, line: old.line });
  return changes.sort((a, b) => a.uri.localeCompare(b.uri) || a.line - b.line);
}

function reworded(old: ScenarioText, now: ScenarioText): ScenarioChange {
  return {
    kind: 'reworded',
    uri: now.uri,
    name: now.name,
    line: now.line,
    ...(old.name === now.name ? {} : { previousName: old.name }),
    removedLines: old.lines.filter((line) => !now.lines.includes(line)),
    addedLines: now.lines.filter((line) => !old.lines.includes(line)),
  };
}

function git(cwd: string, args: readonly string[]): string {
  return execFileSync('git', args, {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  }).toString();
}

/** The scenarios of the feature folders in the working tree, named relative to the project. */
export function scenariosNow(featuresDirs: readonly string[], projectDir: string): ScenarioText[] {
  return findFeatureFiles(featuresDirs).flatMap((file) =>
    scenariosOf(path.relative(projectDir, file).split(path.sep).join('/'), fs.readFileSync(file, 'utf8')),
  );
}

/** The scenarios the feature folders held at a git ref, named as the working tree's are. */
export function scenariosAt(
  ref: string,
  featuresDirs: readonly string[],
  projectDir: string,
): ScenarioText[] {
  let root: string;
  try {
    root = fs.realpathSync(git(projectDir, ['rev-parse', '--show-toplevel']).trim());
    git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  } catch {
    throw new CannotCompare(`${ref}: not a commit, branch or tag of a git repository holding the features`);
  }
  const project = fs.realpathSync(projectDir);
  const folders = featuresDirs.map((dir) =>
    path.relative(root, path.resolve(project, dir)).split(path.sep).join('/'),
  );
  const names = git(root, ['ls-tree', '-r', '-z', '--name-only', ref, '--', ...folders])
    .split('\0')
    .filter((name) => name.endsWith('.feature'));
  return names.flatMap((name) =>
    scenariosOf(
      path.relative(project, path.join(root, name)).split(path.sep).join('/'),
      git(root, ['show', `${ref}:${name}`]),
    ),
  );
}
