import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { HarnessConfig } from '../config/config';
import type { Contract } from '../contract/load';
import { CATEGORIES } from './allure-metadata';
import { writeJson, writeReportFile } from './write-file';

/** Where and against what a run happened: shown in Allure's Environment panel and the living docs. */
export interface RunEnvironment {
  readonly 'Base URL': string;
  readonly 'UI URL': string;
  readonly Contract: string;
  readonly Commit: string;
  readonly Browser: string;
  readonly 'Node.js': string;
}

export function commitId(env: NodeJS.ProcessEnv = process.env): string {
  const fromCi = env.GIT_COMMIT ?? env.GITHUB_SHA ?? env.CI_COMMIT_SHA;
  if (fromCi) return fromCi.slice(0, 12);
  const git = spawnSync('git', ['rev-parse', '--short=12', 'HEAD'], { encoding: 'utf8' });
  return git.status === 0 ? git.stdout.trim() : 'unknown';
}

export function runEnvironment(
  config: HarnessConfig,
  contract: Contract,
  browser: string | undefined,
): RunEnvironment {
  const embedded = 'embedded service, started by the harness';
  return {
    'Base URL': config.baseUrl?.toString() ?? embedded,
    'UI URL': config.uiBaseUrl?.toString() ?? (config.baseUrl ? config.baseUrl.origin : embedded),
    Contract: `${contract.title} ${contract.version}`,
    Commit: commitId(),
    Browser: browser ?? 'not used',
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

/** Escapes a Java properties value (Allure reads environment.properties with Java's rules). */
function property(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/:/g, '\\:').replace(/=/g, '\\=');
}

/** environment.properties, categories.json and executor.json, next to the Allure results. */
export function writeAllureExtras(resultsDir: string, environment: RunEnvironment): void {
  writeReportFile(
    path.join(resultsDir, 'environment.properties'),
    Object.entries(environment)
      .map(([key, value]: [string, string]) => `${key.replace(/ /g, '\\ ')}=${property(value)}`)
      .join('\n') + '\n',
  );
  writeJson(path.join(resultsDir, 'categories.json'), CATEGORIES);
  writeJson(path.join(resultsDir, 'executor.json'), executor());
}
