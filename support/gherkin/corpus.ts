import fs from 'node:fs';
import path from 'node:path';
import { AstBuilder, GherkinClassicTokenMatcher, Parser, compile } from '@cucumber/gherkin';
import { IdGenerator, type GherkinDocument, type Pickle } from '@cucumber/messages';
import { UsageError, displayPath } from '../errors';
import { nodeLines, pickleLine } from './walk';

/** One parsed feature file with the scenarios (pickles) cucumber would run from it. */
export interface ParsedFeature {
  /** Path relative to the project, as cucumber names it: `features/accounts/sign-in.feature`. */
  readonly uri: string;
  readonly document: GherkinDocument;
  readonly pickles: readonly Pickle[];
  /** The file's text, when it was read from disk (a run's message stream carries no text). */
  readonly source?: string;
}

export interface ParseProblem {
  readonly uri: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export interface Corpus {
  readonly features: readonly ParsedFeature[];
  readonly problems: readonly ParseProblem[];
}

/**
 * Checks that each file or folder given exists and that together they hold a feature file: one
 * line naming what is missing, as the command line gave it (`--features`) or relative here.
 */
export function requireFeatureRoots(roots: readonly string[]): void {
  for (const root of roots) {
    if (!fs.existsSync(root))
      throw new UsageError(`${displayPath(root)}: no such file or folder of features`);
  }
  if (findFeatureFiles(roots).length === 0) {
    throw new UsageError(`${roots.map((root) => displayPath(root)).join(', ')}: no .feature files in it`);
  }
}

/** Every `.feature` file below the given files or folders, in a stable order. */
export function findFeatureFiles(roots: readonly string[]): string[] {
  const files: string[] = [];
  for (const root of roots) {
    if (!fs.existsSync(root)) continue;
    if (fs.statSync(root).isFile()) {
      files.push(root);
      continue;
    }
    for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith('.feature'))
        files.push(path.join(entry.parentPath, entry.name));
    }
  }
  return [...new Set(files.map((file) => path.resolve(file)))].sort();
}

interface GherkinError extends Error {
  location?: { line: number; column?: number };
  errors?: GherkinError[];
}

/** Parses feature files with cucumber's own parser; a file that does not parse is a located problem. */
export function loadCorpus(roots: readonly string[], cwd = process.cwd()): Corpus {
  const newId = IdGenerator.incrementing();
  const features: ParsedFeature[] = [];
  const problems: ParseProblem[] = [];
  for (const file of findFeatureFiles(roots)) {
    // Named as cucumber names it: relative to the folder it runs in.
    const uri = path.relative(cwd, file).split(path.sep).join('/');
    const source = fs.readFileSync(file, 'utf8');
    try {
      const parser = new Parser(new AstBuilder(newId), new GherkinClassicTokenMatcher());
      const document = { ...parser.parse(source), uri };
      features.push({ uri, document, pickles: compile(document, uri, newId), source });
    } catch (error) {
      const failure = error as GherkinError;
      for (const each of failure.errors ?? [failure]) {
        problems.push({
          uri,
          line: each.location?.line ?? 1,
          column: each.location?.column ?? 1,
          message: (each.message.split('\n')[0] ?? '').replace(/^\(\d+:\d+\): /, ''),
        });
      }
    }
  }
  return { features, problems };
}

/** A scenario's `file:line` identity: how run results, reports and the gate name it. */
export function scenarioKey(scenario: { readonly uri: string; readonly line: number }): string {
  return `${scenario.uri}:${scenario.line}`;
}

/**
 * A pickle's `file:line` identity, keyed as run results are (scenarioKey): the line of its
 * scenario, or of its Examples row for an outline.
 */
export function scenarioRef(feature: ParsedFeature, pickle: Pickle): string {
  return scenarioKey({ uri: feature.uri, line: scenarioLine(feature, pickle) });
}

/** Each document's node lines, computed once: a corpus names many pickles of one document. */
const linesByDocument = new WeakMap<GherkinDocument, Map<string, number>>();

function scenarioLine(feature: ParsedFeature, pickle: Pickle): number {
  let lines = linesByDocument.get(feature.document);
  if (!lines) {
    lines = nodeLines(feature.document);
    linesByDocument.set(feature.document, lines);
  }
  return pickleLine(pickle, lines) ?? 0;
}
