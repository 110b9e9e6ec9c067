import path from 'node:path';
import { displayPath } from '../errors';
import type { GherkinDocument, Location, Scenario, Step, Tag } from '@cucumber/messages';
import type { Corpus, ParsedFeature } from '../gherkin/corpus';
import { scenarioSites, tagsOf, walkDocument } from '../gherkin/walk';
import type { RequirementCatalog } from '../trace/requirements';
import { REQUIREMENT_TAG } from '../tags/tags';

export interface Finding {
  readonly uri: string;
  readonly line: number;
  readonly rule: string;
  readonly message: string;
}

/** Words that give a business feature away as technical: they belong in step definitions. */
const TECHNICAL: readonly { readonly what: string; readonly pattern: RegExp }[] = [
  { what: 'a URL', pattern: /\bhttps?:\/\/\S+|\bwww\.\S+|(?:^|\s)\/api\/\S*/i },
  { what: 'an HTTP verb', pattern: /\b(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/ },
  { what: 'an HTTP status code', pattern: /\b(?:status|HTTP)\s*[1-5]\d\d\b/i },
  {
    what: 'a CSS selector',
    pattern:
      /(?:^|\s)(?:[#.][a-z][\w-]*(?:\s*[>+~]\s*|\[)|\w+\[[\w-]+(?:[~|^$*]?=[^\]]*)?\]|[a-z]+\s*>\s*[a-z.#])/i,
  },
  { what: 'JSON', pattern: /^\s*[{[]\s*["{[\]}]|"\s*:\s*["\d[{tfn]/ },
];

function scenarioTags(scenario: Scenario): Tag[] {
  return [...scenario.tags, ...scenario.examples.flatMap((examples) => examples.tags)];
}

/** A text a product owner reads, where it is, and what part of the feature it belongs to. */
interface ReadableText {
  readonly text: string;
  readonly line: number;
  readonly where: string;
}

/** A Feature, Rule, Background, Scenario or Examples: a keyword line, a name and a description. */
interface Described {
  readonly name: string;
  readonly description: string;
  readonly location: Location;
}

/**
 * The name and each description line of an element. Gherkin keeps description lines verbatim and
 * lets only blank lines come between the keyword line and the description, so the description
 * starts at the first non-blank source line after the keyword line.
 */
function describedTexts(
  what: 'feature' | 'rule' | 'background' | 'scenario' | 'examples',
  element: Described,
  source: readonly string[] | undefined,
): ReadableText[] {
  const texts: ReadableText[] = [];
  if (element.name.trim())
    texts.push({ text: element.name, line: element.location.line, where: `${what} name` });
  if (!element.description.trim()) return texts;
  let start = element.location.line + 1;
  if (source) {
    while (start <= source.length && !source[start - 1]?.trim()) start += 1;
  }
  element.description.split('\n').forEach((text, index) => {
    if (text.trim()) texts.push({ text, line: start + index, where: `${what} description` });
  });
  return texts;
}

function stepTexts(steps: readonly Step[]): ReadableText[] {
  const texts: ReadableText[] = [];
  for (const step of steps) {
    texts.push({ text: step.text, line: step.location.line, where: 'step' });
    if (step.docString)
      texts.push({ text: step.docString.content, line: step.docString.location.line, where: 'doc string' });
    for (const row of step.dataTable?.rows ?? []) {
      for (const cell of row.cells)
        texts.push({ text: cell.value, line: cell.location.line, where: 'data table' });
    }
  }
  return texts;
}

function scenarioTexts(scenario: Scenario, source: readonly string[] | undefined): ReadableText[] {
  const texts = [...describedTexts('scenario', scenario, source), ...stepTexts(scenario.steps)];
  for (const examples of scenario.examples) {
    texts.push(...describedTexts('examples', examples, source));
    for (const row of [...(examples.tableHeader ? [examples.tableHeader] : []), ...examples.tableBody]) {
      for (const cell of row.cells)
        texts.push({ text: cell.value, line: cell.location.line, where: 'examples table' });
    }
  }
  return texts;
}

/**
 * Every text a product owner reads in a feature: names and descriptions of the feature, its rules,
 * backgrounds, scenarios and examples; steps with their doc strings and tables; examples tables.
 */
function readableTexts(document: GherkinDocument, source: readonly string[] | undefined): ReadableText[] {
  const texts: ReadableText[] = [];
  walkDocument(document, {
    feature: (feature) => void texts.push(...describedTexts('feature', feature, source)),
    rule: (rule) => void texts.push(...describedTexts('rule', rule, source)),
    background: (background) =>
      void texts.push(...describedTexts('background', background, source), ...stepTexts(background.steps)),
    scenario: (scenario) => void texts.push(...scenarioTexts(scenario, source)),
  });
  return texts;
}

function lintFeature(feature: ParsedFeature, catalog: RequirementCatalog): Finding[] {
  const findings: Finding[] = [];
  const { uri, document } = feature;
  const add = (line: number, rule: string, message: string): void => {
    findings.push({ uri, line, rule, message });
  };

  for (const tag of tagsOf(document)) {
    if (tag.name === '@only' || tag.name === '@wip')
      add(tag.location.line, 'left-behind', `${tag.name} left behind`);
    const id = REQUIREMENT_TAG.exec(tag.name)?.[1];
    if (!id) continue;
    const requirement = catalog.get(`REQ-${id}`);
    if (!requirement)
      add(tag.location.line, 'unknown-requirement', `${tag.name} is not in the requirement catalogue`);
    else if (requirement.status === 'retired') {
      add(tag.location.line, 'retired-requirement', `${tag.name} is retired but still tested`);
    }
  }

  const names = new Map<string, number>();
  for (const { feature: parent, rule, scenario } of scenarioSites(document)) {
    const tags = [...parent.tags, ...(rule?.tags ?? []), ...scenarioTags(scenario)];
    if (!tags.some((tag) => REQUIREMENT_TAG.test(tag.name))) {
      add(
        scenario.location.line,
        'no-requirement',
        `scenario "${scenario.name}" proves no requirement (tag it @REQ-<id>)`,
      );
    }
    const first = names.get(scenario.name);
    if (first !== undefined) {
      add(
        scenario.location.line,
        'duplicate-name',
        `scenario name "${scenario.name}" is already used on line ${first}`,
      );
    } else names.set(scenario.name, scenario.location.line);
  }

  const technical = document.feature?.tags.some((tag) => tag.name === '@contract') ?? false;
  if (!technical) {
    for (const { text, line, where } of readableTexts(document, feature.source?.split(/\r?\n/))) {
      const found = TECHNICAL.find(({ pattern }) => pattern.test(text));
      if (found) {
        add(
          line,
          'technical-detail',
          `${found.what} in a business feature (${where} "${text.trim().slice(0, 60)}"): move it into a step definition, or tag the feature @contract`,
        );
      }
    }
  }
  return findings;
}

/** Every finding of every feature, parse errors included, sorted by file and line. */
export function lintFeatures(corpus: Corpus, catalog: RequirementCatalog): Finding[] {
  const findings: Finding[] = corpus.problems.map((problem) => ({
    uri: problem.uri,
    line: problem.line,
    rule: 'parse-error',
    message: problem.message,
  }));
  for (const feature of corpus.features) findings.push(...lintFeature(feature, catalog));
  return findings.sort((a, b) => a.uri.localeCompare(b.uri) || a.line - b.line);
}

export function formatFinding(finding: Finding): string {
  // The URI is relative to the project's folder; a file far outside it reads better from where the command started.
  return `${displayPath(path.resolve(finding.uri))}:${finding.line}: ${finding.message} [${finding.rule}]`;
}
