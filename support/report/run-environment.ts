import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { HarnessConfig } from '../config/config';
import type { Contract } from '../contract/load';
import { apiBaseUrlFor } from '../target';
import { CATEGORIES, markFlakyResults } from './allure-metadata';
import { writeJson, writeReportFile } from './write-file';

/** Where and against what a run happened: shown in Allure's Environment panel. */
export interface RunEnvironment {
  /**
   * The API root the scenarios called, from `BASE_URL`; undefined when the harness started the
   * embedded service, whose loopback URL is known only from the exchanges the run made.
   */
  readonly apiBaseUrl: string | undefined;
  /** `UI_BASE_URL`, or the origin of the API. */
  readonly uiBaseUrl: string | undefined;
  /** The contract's base path, to tell an API URL's root from the operation's path. */
  readonly basePath: string;
  readonly specTitle: string;
  readonly specVersion: string;
  readonly commit: string;
  /** `chromium 156.0.8078.79`, when a UI scenario ran. */
  readonly browser: string | undefined;
  /** The API roots of the embedded services the run called: one per worker, several after a merge. */
  readonly embeddedRoots: readonly string[];
}

export function commitId(env: NodeJS.ProcessEnv = process.env): string {
  const fromCi = env.GIT_COMMIT ?? env.GITHUB_SHA ?? env.CI_COMMIT_SHA;
  if (fromCi) return fromCi.slice(0, 12);
  const git = spawnSync('git', ['rev-parse', '--short=12', 'HEAD'], { encoding: 'utf8' });
  return git.status === 0 ? git.stdout.trim() : 'unknown';
}

/** A URL fit for a report: no user name, password, query or fragment. */
function shown(url: URL): string {
  const copy = new URL(url.toString());
  copy.username = '';
  copy.password = '';
  copy.search = '';
  copy.hash = '';
  return copy.toString().replace(/\/$/, '');
}

/** What a run's results say about where it ran: the browser, and the origins its exchanges went to. */
export interface RunPlace {
  readonly browser?: string;
  readonly origins?: readonly string[];
}

export function runEnvironment(config: HarnessConfig, contract: Contract, place: RunPlace): RunEnvironment {
  const apiBaseUrl = config.baseUrl ? apiBaseUrlFor(config.baseUrl, contract.basePath) : undefined;
  const embeddedRoots = apiBaseUrl
    ? []
    : (place.origins ?? []).map((origin) => shown(new URL(contract.basePath || '/', origin)));
  return {
    apiBaseUrl: apiBaseUrl && shown(apiBaseUrl),
    uiBaseUrl: config.uiBaseUrl ? shown(config.uiBaseUrl) : apiBaseUrl && shown(new URL(apiBaseUrl.origin)),
    basePath: contract.basePath,
    specTitle: contract.title,
    specVersion: contract.version,
    commit: commitId(),
    browser: place.browser,
    embeddedRoots: [...new Set(embeddedRoots)].sort(),
  };
}

/** The lines of environment.properties, in the order Allure shows them. */
export function environmentProperties(environment: RunEnvironment): Record<string, string> {
  const { embeddedRoots } = environment;
  const [embedded] = embeddedRoots;
  const apiBaseUrl = environment.apiBaseUrl ?? embedded ?? 'not used (no HTTP exchange)';
  const uiBaseUrl =
    environment.uiBaseUrl ?? (embedded ? new URL(embedded).origin : 'not used (no HTTP exchange)');
  const target = environment.apiBaseUrl
    ? 'a deployment (BASE_URL)'
    : embeddedRoots.length > 1
      ? `the embedded service, started by the harness: ${embeddedRoots.length} instances (${embeddedRoots.join(', ')})`
      : 'the embedded service, started by the harness';
  const [browserName, ...browserVersion] = (environment.browser ?? '').split(' ');
  return {
    'Base URL': apiBaseUrl,
    'UI URL': uiBaseUrl,
    Target: target,
    Spec: environment.specTitle,
    'Spec version': environment.specVersion,
    Commit: environment.commit,
    Browser: browserName || 'not used (no UI scenario ran)',
    'Browser version': browserVersion.join(' ') || 'not used',
    'Node.js': process.version,
  };
}

/** The CI system that ran the suite, for Allure's executor widget and its history links. */
export function executor(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  if (env.GITHUB_ACTIONS === 'true') {
    const run = `${env.GITHUB_SERVER_URL ?? 'https://github.com'}/${env.GITHUB_REPOSITORY ?? ''}/actions/runs/${env.GITHUB_RUN_ID ?? ''}`;
    return {
      name: 'GitHub Actions',
      type: 'github',
      buildName: `#${env.GITHUB_RUN_NUMBER ?? ''}`,
      buildUrl: run,
    };
  }
  if (env.JENKINS_URL) {
    return {
      name: 'Jenkins',
      type: 'jenkins',
      buildName: env.BUILD_TAG ?? '',
      buildUrl: env.BUILD_URL ?? env.JENKINS_URL,
    };
  }
  return {
    name: env.CI === 'true' ? 'CI' : 'Local run',
    type: env.CI === 'true' ? 'ci' : 'local',
    buildName: new Date().toISOString(),
  };
}

/** A Java properties file (Allure reads environment.properties with Java's rules). */
export function propertiesText(properties: Readonly<Record<string, string>>): string {
  return (
    Object.entries(properties)
      .map(([key, value]) => `${key.replace(/ /g, '\\ ')}=${property(value)}`)
      .join('\n') + '\n'
  );
}

/** Escapes a Java properties value. */
function property(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/:/g, '\\:').replace(/=/g, '\\=');
}

/**
 * environment.properties, categories.json and executor.json, next to the Allure results; and the
 * results that passed only on a retry flagged as flaky.
 */
export function writeAllureExtras(resultsDir: string, environment: RunEnvironment): void {
  markFlakyResults(resultsDir);
  writeReportFile(
    path.join(resultsDir, 'environment.properties'),
    propertiesText(environmentProperties(environment)),
  );
  writeJson(path.join(resultsDir, 'categories.json'), CATEGORIES);
  writeJson(path.join(resultsDir, 'executor.json'), executor());
}
