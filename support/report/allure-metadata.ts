import type { GherkinDocument, Pickle } from '@cucumber/messages';
import { config } from '../config/config';
import { capabilityOf } from '../gherkin/capability';
import { scenarioSites } from '../gherkin/walk';
import { REQUIREMENT_TAG } from '../tags/tags';
import type { RequirementCatalog } from '../trace/requirements';
import { allureCategories } from './failure-kind';
import { writeJson } from '../config/write-file';
import {
  allureResultFiles,
  readAllureResult,
  type AllureResult,
  type AllureResultFile,
} from './allure-results';

/** How allure-cucumberjs receives labels and links from a running scenario (its runtime API). */
export const ALLURE_MESSAGE_MEDIA_TYPE = 'application/vnd.allure.message+json';

export interface AllureLabel {
  readonly name: string;
  readonly value: string;
}

export interface AllureLink {
  readonly name: string;
  readonly url: string;
  readonly type: string;
}

const SEVERITIES = ['blocker', 'critical', 'normal', 'minor', 'trivial'];

/** Each document's scenario id → rule name, computed once: a worker names many scenarios of one. */
const rulesByDocument = new WeakMap<GherkinDocument, Map<string, string | undefined>>();

/** The rule a scenario belongs to, when it belongs to one. */
export function ruleOf(document: GherkinDocument | undefined, pickle: Pickle): string | undefined {
  if (!document) return undefined;
  let rules = rulesByDocument.get(document);
  if (!rules) {
    rules = new Map(scenarioSites(document).map((site) => [site.scenario.id, site.rule?.name]));
    rulesByDocument.set(document, rules);
  }
  return rules.get(pickle.astNodeIds[0] ?? '');
}

/**
 * What ties a scenario's Allure result to the specification: links to its requirements and known
 * issues; epic = capability (the features folder, named as the living docs name it), story = rule,
 * suites capability → feature → rule, severity, owner, layer; the requirement ids as labels.
 */
export function scenarioMetadata(
  pickle: Pickle,
  document: GherkinDocument | undefined,
  catalog: RequirementCatalog,
  featuresRoots: readonly string[] = config().featuresDirs,
): { labels: AllureLabel[]; links: AllureLink[] } {
  const tags = pickle.tags.map((tag) => tag.name);
  const requirements = tags.flatMap((tag) => {
    const id = REQUIREMENT_TAG.exec(tag)?.[1];
    const requirement = id ? catalog.get(`REQ-${id}`) : undefined;
    return requirement ? [requirement] : [];
  });
  const labels: AllureLabel[] = [];
  const links: AllureLink[] = [];
  for (const requirement of requirements) {
    links.push({ name: `${requirement.id} ${requirement.title}`, url: requirement.link, type: 'tms' });
    labels.push({ name: 'requirement', value: requirement.id });
  }
  const [main] = requirements;
  if (main) labels.push({ name: 'owner', value: main.owner });
  // Capability → feature → rule, as the living docs group them: Allure's epics and its Suites tab.
  const capability = capabilityOf(pickle.uri, featuresRoots).name;
  const feature = document?.feature?.name;
  const rule = ruleOf(document, pickle);
  labels.push({ name: 'epic', value: capability }, { name: 'parentSuite', value: capability });
  if (feature) labels.push({ name: 'suite', value: feature });
  if (rule) labels.push({ name: 'story', value: rule }, { name: 'subSuite', value: rule });
  const severity = SEVERITIES.find((name) => tags.includes(`@${name}`)) ?? 'normal';
  labels.push({ name: 'severity', value: severity });
  for (const layer of ['api', 'ui'])
    if (tags.includes(`@${layer}`)) labels.push({ name: 'layer', value: layer });
  for (const tag of tags) {
    const issue = /^@issue:(.+)$/.exec(tag)?.[1];
    if (issue) links.push({ name: issue, url: catalog.issueLink(issue), type: 'issue' });
  }
  return { labels, links };
}

/** The body of one runtime message attachment. */
export function metadataMessage(metadata: {
  labels?: readonly AllureLabel[];
  links?: readonly AllureLink[];
}): string {
  return JSON.stringify({ type: 'metadata', data: metadata });
}

/**
 * Flags the results that passed only on a retry as flaky (`statusDetails.flaky`): allure-cucumberjs
 * writes one result per attempt (same historyId) but never says the last one is flaky, so Allure
 * would show it as a plain pass. Returns how many results it flagged; running it again changes
 * nothing. Reads one result at a time and keeps only what the check needs: a run's 10,000 results
 * parsed at once were tens of megabytes at its very end.
 */
export function markFlakyResults(resultsDir: string): number {
  const attempts = allureResultFiles(resultsDir).flatMap((file) => {
    const result = readAllureResult(file);
    if (!result) return [];
    const { historyId, testCaseId, status, start, statusDetails } = result;
    const flagged = statusDetails?.flaky === true ? { statusDetails: { flaky: true } } : {};
    return [{ file, result: { historyId, testCaseId, status, start, ...flagged } }];
  });
  const flaky = flakyLastAttempts(attempts);
  for (const { file, result } of flaky) {
    if (result.statusDetails?.flaky === true) continue;
    const whole = readAllureResult(file);
    if (whole) writeJson(file, withFlakyFlag(whole));
  }
  return flaky.length;
}

/** `markFlakyResults` on results already read. */
export function flagFlakyAttempts(files: readonly AllureResultFile[]): number {
  const flaky = flakyLastAttempts(files);
  for (const last of flaky) {
    if (last.result.statusDetails?.flaky === true) continue;
    last.result = withFlakyFlag(last.result);
    last.changed = true;
  }
  return flaky.length;
}

/** Of each scenario's attempts (one historyId), the last one when it passed after one that failed. */
function flakyLastAttempts<T extends { readonly result: AllureResult }>(files: readonly T[]): T[] {
  const attempts = new Map<string, T[]>();
  for (const each of files) {
    const key = each.result.historyId ?? each.result.testCaseId;
    if (key) attempts.set(key, [...(attempts.get(key) ?? []), each]);
  }
  return [...attempts.values()].flatMap((group) => {
    const ordered = [...group].sort((a, b) => (a.result.start ?? 0) - (b.result.start ?? 0));
    const last = ordered.pop();
    const failedBefore = ordered.some(
      ({ result }) => result.status === 'failed' || result.status === 'broken',
    );
    return last && last.result.status === 'passed' && failedBefore ? [last] : [];
  });
}

function withFlakyFlag(result: AllureResult): AllureResult {
  return { ...result, statusDetails: { ...result.statusDetails, flaky: true } };
}

/** Allure's categories, by the kind of failure: see failure-kind.ts. */
export const CATEGORIES = allureCategories();
