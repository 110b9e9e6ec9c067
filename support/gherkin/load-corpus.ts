/**
 * Reading a suite's feature files into its corpus (corpus.ts): each file parsed as cucumber parses
 * it, its scenarios compiled into pickles, and what cannot be parsed named by file and line.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AstBuilder, GherkinClassicTokenMatcher, Parser, compile } from '@cucumber/gherkin';
import { IdGenerator } from '@cucumber/messages';
import { UsageError, displayPath } from '../errors';
import type { Corpus, ParsedFeature, ParseProblem } from './corpus';
import { findFeatureFiles } from './feature-files';

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
