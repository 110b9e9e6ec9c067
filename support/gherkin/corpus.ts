/**
 * A suite's feature files as data (load-corpus.ts reads and parses them; a run's message stream
 * carries them too) and how a scenario is named in it: by `file:line`.
 */
import type { GherkinDocument, Pickle } from '@cucumber/messages';
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
