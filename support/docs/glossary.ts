import { MARKER_DOCS, stepDocOf, type StepDoc } from '../contract/step-docs';
import { scenarioRef, type Corpus } from '../gherkin/corpus';

/** Where the harness keeps the step definitions every project gets. */
const HARNESS_STEPS = /(?:^|\/)support\/cucumber\/steps\//;

/** A step definition as the glossary needs it: its wording, where it lives, and a matcher. */
export interface StepDefinitionInfo {
  readonly pattern: string;
  readonly uri: string;
  readonly line: number;
  matches(text: string): boolean;
}

export interface StepUsage {
  readonly pattern: string;
  /** `steps/api/lookup.steps.ts:12` */
  readonly location: string;
  /** The folder below steps/ (api, ui, …), or `generic` for the harness's own contract steps. */
  readonly layer: string;
  readonly uses: number;
  /** Up to three uses, each with the scenario it comes from (`file:line`). */
  readonly examples: readonly { readonly text: string; readonly ref: string }[];
  /** For a generic contract step: what it does, an example, and the markers when it compares. */
  readonly doc?: StepDoc & { readonly markers?: readonly string[] };
}

/**
 * The step vocabulary: every step definition with examples of its use in the features, the unused
 * ones included (uses: 0). Each distinct step text is matched once, however often it is written.
 */
export function buildGlossary(definitions: readonly StepDefinitionInfo[], corpus: Corpus): StepUsage[] {
  const usage = definitions.map(() => ({ uses: 0, examples: [] as { text: string; ref: string }[] }));
  const matched = new Map<string, number>();
  for (const feature of corpus.features) {
    for (const pickle of feature.pickles) {
      for (const step of pickle.steps) {
        let index = matched.get(step.text);
        if (index === undefined) {
          index = definitions.findIndex((definition) => definition.matches(step.text));
          matched.set(step.text, index);
        }
        const entry = usage[index];
        if (!entry) continue;
        entry.uses += 1;
        if (entry.examples.length < 3 && !entry.examples.some((example) => example.text === step.text)) {
          entry.examples.push({ text: step.text, ref: scenarioRef(feature, pickle) });
        }
      }
    }
  }
  return definitions
    .map((definition, index) => ({
      pattern: definition.pattern,
      location: `${definition.uri}:${definition.line}`,
      layer: HARNESS_STEPS.test(definition.uri)
        ? 'generic'
        : (/(?:^|\/)steps\/([^/]+)\//.exec(definition.uri)?.[1] ?? 'other'),
      uses: usage[index]!.uses,
      examples: usage[index]!.examples,
      ...genericDoc(definition),
    }))
    .sort((a, b) => a.layer.localeCompare(b.layer) || a.pattern.localeCompare(b.pattern));
}

/** The documentation of a generic step (the harness's own), with the markers of comparing steps. */
function genericDoc(definition: StepDefinitionInfo): { doc?: StepUsage['doc'] } {
  if (!HARNESS_STEPS.test(definition.uri)) return {};
  const doc = stepDocOf(definition.pattern);
  if (!doc) return {};
  return { doc: doc.takesMarkers ? { ...doc, markers: MARKER_DOCS } : doc };
}
