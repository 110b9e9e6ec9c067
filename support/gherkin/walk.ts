import { walkGherkinDocument, type GherkinDocumentHandlers } from '@cucumber/gherkin-utils';
import type {
  Background,
  Feature,
  GherkinDocument,
  Pickle,
  Rule,
  Scenario,
  Step,
  Tag,
} from '@cucumber/messages';

/**
 * The one walk of a Gherkin document (feature → rule → background / scenario → examples): the
 * helpers below and the modules that read a feature's tree go through gherkin-utils' walker, in
 * source order, never through `children` by hand.
 */
export function walkDocument(
  document: GherkinDocument,
  handlers: Partial<GherkinDocumentHandlers<void>>,
): void {
  walkGherkinDocument<void>(document, undefined, handlers);
}

/** One scenario of a document with what encloses it. */
export interface ScenarioSite {
  readonly feature: Feature;
  /** The rule the scenario belongs to, when it belongs to one. */
  readonly rule?: Rule;
  /** The background its steps run after: the rule's, else the feature's. */
  readonly background?: Background;
  readonly scenario: Scenario;
}

/** Every scenario of a document, in source order, with its feature, rule and background. */
export function scenarioSites(document: GherkinDocument): ScenarioSite[] {
  const sites: ScenarioSite[] = [];
  let feature: Feature | undefined;
  let rule: Rule | undefined;
  let featureBackground: Background | undefined;
  let ruleBackground: Background | undefined;
  walkDocument(document, {
    feature: (node) => void (feature = node),
    rule: (node) => {
      rule = node;
      ruleBackground = undefined;
    },
    background: (node) => {
      if (rule) ruleBackground = node;
      else featureBackground = node;
    },
    scenario: (scenario) => {
      const background = ruleBackground ?? featureBackground;
      if (feature)
        sites.push({ feature, ...(rule ? { rule } : {}), ...(background ? { background } : {}), scenario });
    },
  });
  return sites;
}

/** Every tag of a document in source order: the feature's, then each rule's, scenario's and Examples'. */
export function tagsOf(document: GherkinDocument): Tag[] {
  const tags: Tag[] = [];
  walkDocument(document, { tag: (tag) => void tags.push(tag) });
  return tags;
}

/** Every step of a document, backgrounds' included, in source order. */
export function stepsOf(document: GherkinDocument): Step[] {
  const steps: Step[] = [];
  walkDocument(document, { step: (step) => void steps.push(step) });
  return steps;
}

/** Node id → line, for the nodes pickles point at: scenarios, steps, Examples rows, tags. */
export function nodeLines(document: GherkinDocument): Map<string, number> {
  const lines = new Map<string, number>();
  walkDocument(document, {
    scenario: (node) => void lines.set(node.id, node.location.line),
    step: (node) => void lines.set(node.id, node.location.line),
    // Its rows from the Examples node itself: the walker visits an Examples table's rows only under
    // a header row.
    examples: (node) => {
      for (const row of node.tableBody) lines.set(row.id, row.location.line);
    },
    tag: (node) => void lines.set(node.id, node.location.line),
  });
  return lines;
}

/**
 * The line that names a pickle, as run results key it: its Examples row for an Outline (its last
 * AST node), else its scenario; undefined when the document does not hold it.
 */
export function pickleLine(
  pickle: Pick<Pickle, 'astNodeIds'>,
  lines: ReadonlyMap<string, number>,
): number | undefined {
  const { astNodeIds } = pickle;
  return lines.get(astNodeIds[astNodeIds.length - 1] ?? '') ?? lines.get(astNodeIds[0] ?? '');
}
