import path from 'node:path';
import type { HarnessConfig } from '../config/config';
import { EMBEDDED } from '../config/project-file';
import { apiRootOf } from '../services/api-root';
import type { ServiceContract } from '../services/contracts';
import { CATEGORIES, markFlakyResults } from './allure-metadata';
import { writeJson, writeWholeFile } from '../config/write-file';

/** One service of the run, as Allure's Environment panel shows it. */
export interface ServiceEnvironment {
  readonly name: string;
  /**
   * The API root the scenarios called; undefined for the embedded service, whose loopback URL is
   * known only from the exchanges the run made (`embeddedRoots`).
   */
  readonly apiBaseUrl: string | undefined;
  /** The setting that said where it is (`BASE_URL`), or undefined for the embedded service. */
  readonly from: string | undefined;
  readonly specTitle: string;
  readonly specVersion: string;
}

/** Where and against what a run happened: shown in Allure's Environment panel. */
export interface RunEnvironment {
  readonly project: string;
  readonly services: readonly ServiceEnvironment[];
  /** `UI_BASE_URL`, or the origin of the first service's API. */
  readonly uiBaseUrl: string | undefined;
  readonly commit: string;
  /** `chromium 156.0.8078.79`, when a UI scenario ran. */
  readonly browser: string | undefined;
  /** The API roots of the embedded services the run called: one per worker, several after a merge. */
  readonly embeddedRoots: readonly string[];
}

/** The commit Allure shows: the one the CI says it built, else the one checked out (`head`). */
export function commitId(head: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const fromCi = [env.GIT_COMMIT, env.GITHUB_SHA, env.CI_COMMIT_SHA].find((value) => value?.trim());
  return (fromCi?.trim() || head || 'unknown').slice(0, 12);
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

/** Where a run ran: the browser and the origins its exchanges went to (its results say), the commit checked out. */
export interface RunPlace {
  readonly browser?: string;
  readonly origins?: readonly string[];
  readonly commit?: string;
}

export function runEnvironment(
  config: HarnessConfig,
  contracts: readonly ServiceContract[],
  place: RunPlace,
): RunEnvironment {
  const services = config.services.map((service, index): ServiceEnvironment => {
    const contract = contracts[index]!.contract;
    const deployed = service.baseUrl !== EMBEDDED;
    let apiBaseUrl: string | undefined;
    if (deployed) {
      try {
        apiBaseUrl = shown(apiRootOf(service, contract));
      } catch {
        apiBaseUrl = 'not known (the contract names no host)';
      }
    }
    return {
      name: service.name,
      apiBaseUrl,
      from: deployed ? service.baseUrlFrom : undefined,
      specTitle: contract.title,
      specVersion: contract.version,
    };
  });
  const embedded = config.services.findIndex((service) => service.baseUrl === EMBEDDED);
  const embeddedPath = embedded >= 0 ? (contracts[embedded]?.contract.basePath ?? '') : '';
  const embeddedRoots =
    embedded >= 0 ? (place.origins ?? []).map((origin) => shown(new URL(embeddedPath || '/', origin))) : [];
  const [first] = services;
  return {
    project: config.title,
    services,
    uiBaseUrl: config.uiBaseUrl
      ? shown(config.uiBaseUrl)
      : first?.apiBaseUrl && /^https?:/.test(first.apiBaseUrl)
        ? shown(new URL(new URL(first.apiBaseUrl).origin))
        : undefined,
    commit: commitId(place.commit),
    browser: place.browser,
    embeddedRoots: [...new Set(embeddedRoots)].sort(),
  };
}

/** The lines of environment.properties, in the order Allure shows them. */
export function environmentProperties(environment: RunEnvironment): Record<string, string> {
  const { embeddedRoots } = environment;
  const [embedded] = embeddedRoots;
  const several = environment.services.length > 1;
  const rootOf = (service: ServiceEnvironment): string =>
    service.apiBaseUrl ?? embedded ?? 'not used (no HTTP exchange)';
  const targetOf = (service: ServiceEnvironment): string =>
    service.from
      ? `a deployment (${service.from})`
      : embeddedRoots.length > 1
        ? `the embedded service, started by the harness: ${embeddedRoots.length} instances (${embeddedRoots.join(', ')})`
        : 'the embedded service, started by the harness';
  const perService = environment.services.flatMap((service): [string, string][] => {
    const suffix = several ? ` (${service.name})` : '';
    return [
      [`Base URL${suffix}`, rootOf(service)],
      [`Target${suffix}`, targetOf(service)],
      [`Spec${suffix}`, service.specTitle],
      [`Spec version${suffix}`, service.specVersion],
    ];
  });
  const uiBaseUrl =
    environment.uiBaseUrl ?? (embedded ? new URL(embedded).origin : 'not used (no HTTP exchange)');
  const [browserName, ...browserVersion] = (environment.browser ?? '').split(' ');
  return {
    Project: environment.project,
    ...Object.fromEntries(perService),
    'UI URL': uiBaseUrl,
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
  writeWholeFile(
    path.join(resultsDir, 'environment.properties'),
    propertiesText(environmentProperties(environment)),
  );
  writeJson(path.join(resultsDir, 'categories.json'), CATEGORIES);
  writeJson(path.join(resultsDir, 'executor.json'), executor());
}
