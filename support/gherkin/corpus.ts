import fs from 'node:fs';
import path from 'node:path';
import { AstBuilder, GherkinClassicTokenMatcher, Parser, compile } from '@cucumber/gherkin';
import { IdGenerator, type GherkinDocument, type Pickle } from '@cucumber/messages';
import { displayPath } from '../errors';

/** One parsed feature file with the scenarios (pickles) cucumber would run from it. */
export interface ParsedFeature {
  /** Path relative to the project, as cucumber names it: `features/accounts/sign-in.feature`. */
  readonly uri: string;
  readonly document: GherkinDocument;
  readonly pickles: readonly Pickle[];
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
    const uri = displayPath(file, cwd).split(path.sep).join('/');
    const source = fs.readFileSync(file, 'utf8');
    try {
      const parser = new Parser(new AstBuilder(newId), new GherkinClassicTokenMatcher());
      const document = { ...parser.parse(source), uri };
      features.push({ uri, document, pickles: compile(document, uri, newId) });
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
