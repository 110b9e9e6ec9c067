import type { GherkinDocument, Location, Scenario, Step, Tag } from '@cucumber/messages';
import type { Corpus, ParsedFeature } from '../gherkin/corpus';
import type { RequirementCatalog } from '../trace/requirements';

export interface Finding {
  readonly uri: string;
  readonly line: number;
  readonly rule: string;
  readonly message: string;
}

export const REQUIREMENT_TAG = /^@REQ-(.+)$/;

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

interface ScenarioSite {
  readonly scenario: Scenario;
  /** Tags of the feature and rule above the scenario. */
  readonly inherited: readonly Tag[];
}

function scenarios(document: GherkinDocument): ScenarioSite[] {
  const feature = document.feature;
  if (!feature) return [];
  const sites: ScenarioSite[] = [];
  for (const child of feature.children) {
    if (child.scenario) sites.push({ scenario: child.scenario, inherited: feature.tags });
    if (child.rule) {
      for (const ruleChild of child.rule.children) {
        if (ruleChild.scenario)
          sites.push({ scenario: ruleChild.scenario, inherited: [...feature.tags, ...child.rule.tags] });
      }
    }
  }
  return sites;
}

function allTags(document: GherkinDocument): Tag[] {
  const tags: Tag[] = [];
  const feature = document.feature;
  if (!feature) return tags;
  tags.push(...feature.tags);
  for (const child of feature.children) {
    if (child.rule) {
      tags.push(...child.rule.tags);
      for (const ruleChild of child.rule.children) {
        if (ruleChild.scenario) tags.push(...scenarioTags(ruleChild.scenario));
      }
    }
    if (child.scenario) tags.push(...scenarioTags(child.scenario));
  }
  return tags;
}

function scenarioTags(scenario: Scenario): Tag[] {
  return [...scenario.tags, ...scenario.examples.flatMap((examples) => examples.tags)];
}

function allSteps(document: GherkinDocument): Step[] {
  const steps: Step[] = [];
  for (const child of document.feature?.children ?? []) {
    steps.push(...(child.background?.steps ?? []), ...(child.scenario?.steps ?? []));
    for (const ruleChild of child.rule?.children ?? []) {
      steps.push(...(ruleChild.background?.steps ?? []), ...(ruleChild.scenario?.steps ?? []));
    }
  }
  return steps;
}

/** The texts a product owner reads in a feature, with where they are. */
function readableTexts(document: GherkinDocument): { text: string; location: Location }[] {
  const texts: { text: string; location: Location }[] = [];
  for (const step of allSteps(document)) {
    texts.push({ text: step.text, location: step.location });
    if (step.docString) texts.push({ text: step.docString.content, location: step.docString.location });
    for (const row of step.dataTable?.rows ?? []) {
      for (const cell of row.cells) texts.push({ text: cell.value, location: cell.location });
    }
  }
  return texts;
}

function lintFeature(feature: ParsedFeature, catalog: RequirementCatalog): Finding[] {
  const findings: Finding[] = [];
  const { uri, document } = feature;
  const add = (line: number, rule: string, message: string): void => {
    findings.push({ uri, line, rule, message });
  };

  for (const tag of allTags(document)) {
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
  for (const { scenario, inherited } of scenarios(document)) {
    const tags = [...inherited, ...scenarioTags(scenario)];
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
    for (const { text, location } of readableTexts(document)) {
      const found = TECHNICAL.find(({ pattern }) => pattern.test(text));
      if (found) {
        add(
          location.line,
          'technical-detail',
          `${found.what} in a business feature ("${text.trim().slice(0, 60)}"): move it into a step definition, or tag the feature @contract`,
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
  return `${finding.uri}:${finding.line}: ${finding.message} [${finding.rule}]`;
}
