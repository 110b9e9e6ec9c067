import http from 'node:http';
import https from 'node:https';
import { responseKeyFor } from '../contract/inspector';
import type { Contract } from '../contract/load';
import type { Operation } from '../contract/operation';

export interface ServiceCheckOptions {
  /** How long a service still starting is given to answer. */
  readonly waitMs: number;
  /** Budget of one attempt. */
  readonly attemptTimeoutMs: number;
  /** The setting that says where the service is, named in the advice (`BASE_URL`). */
  readonly setting?: string;
  /** The environment variable that sets its base path (`API_BASE_PATH`, `API_BASE_PATH_PETSTORE`). */
  readonly basePathSetting?: string;
}

/**
 * The operation that says whether the service is up: a GET without required parameters or
 * security whose path or operationId says "health", when the contract has one.
 */
export function healthOperation(contract: Contract): Operation | undefined {
  return contract.operations.find(
    (operation) =>
      operation.method === 'GET' &&
      /health/i.test(`${operation.operationId} ${operation.pathTemplate}`) &&
      !operation.parameters.some((parameter) => parameter.required) &&
      operation.security.every((requirement) => Object.keys(requirement).length === 0),
  );
}

/**
 * Without a health operation, a safe call that proves the API is where the settings say: a GET
 * with no path parameter, no required parameter and no security requirement.
 */
export function probeOperation(contract: Contract): Operation | undefined {
  return contract.operations.find(
    (operation) =>
      operation.method === 'GET' &&
      !operation.pathTemplate.includes('{') &&
      !operation.parameters.some((parameter) => parameter.required) &&
      operation.security.every((requirement) => Object.keys(requirement).length === 0),
  );
}

/** Why the preflight could prove nothing about where the service is, or undefined when it can. */
export function uncheckable(contract: Contract): string | undefined {
  if (healthOperation(contract) || probeOperation(contract)) return undefined;
  return 'nothing could be checked before the run but that the host answers: the contract has no health operation and no GET without parameters or security';
}

/**
 * Does the service answer, where the settings say it is? Its health operation must answer 2xx;
 * without one, a safe GET of the contract (`probeOperation`) must not answer 404 unless the
 * contract documents it — a 404 there means the base path is wrong, and the check says what would
 * be right; without either, any HTTP answer from the API root will do. A service still starting
 * gets `waitMs`, tried every quarter second. Returns the problem in one line, or undefined.
 */
export async function serviceProblem(
  apiBaseUrl: URL,
  contract: Contract,
  options: ServiceCheckOptions,
): Promise<string | undefined> {
  const health = healthOperation(contract);
  const probe = health ?? probeOperation(contract);
  const url = below(apiBaseUrl, probe?.pathTemplate ?? '/');
  const what = probe ? `${probe.operationId} (GET ${url.toString()})` : `GET ${url.toString()}`;
  const setting = options.setting ?? 'BASE_URL';
  const deadline = Date.now() + options.waitMs;
  let last: string;
  for (;;) {
    try {
      const status = await statusOf(url, options.attemptTimeoutMs);
      if (!probe || (health && status >= 200 && status < 300)) return undefined;
      if (!health && (status !== 404 || responseKeyFor(probe, 404) !== undefined)) return undefined;
      last = `answered ${status}`;
      if (!health) return await wrongBasePath(apiBaseUrl, contract, probe, what, setting, options);
    } catch (error) {
      last = (error as Error).message;
    }
    if (Date.now() + 250 > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return (
    `the service does not answer: ${what} ${last} ` +
    `(waited ${Math.round(options.waitMs / 1000)} s; is ${setting} right and the service up?)`
  );
}

function below(root: URL, pathTemplate: string): URL {
  return new URL(root.toString().replace(/\/$/, '') + pathTemplate);
}

/**
 * The probe answered 404 where the contract documents none: the API is not at this base path.
 * Tries the root and the contract's own base path, to say which would be right.
 */
async function wrongBasePath(
  apiBaseUrl: URL,
  contract: Contract,
  probe: Operation,
  what: string,
  setting: string,
  options: ServiceCheckOptions,
): Promise<string> {
  const variable = options.basePathSetting ?? 'API_BASE_PATH';
  const tried = apiBaseUrl.pathname.replace(/\/$/, '');
  const headline = `the API is not at ${apiBaseUrl.toString().replace(/\/$/, '')}: ${what} answered 404, which the contract does not document`;
  for (const basePath of [...new Set(['', contract.basePath])].filter((candidate) => candidate !== tried)) {
    const candidate = new URL(apiBaseUrl.toString());
    candidate.pathname = basePath || '/';
    try {
      const status = await statusOf(below(candidate, probe.pathTemplate), options.attemptTimeoutMs);
      if (status === 404) continue;
      const advice =
        basePath === ''
          ? `the API is served at the root: set basePath: / in the project file, or ${variable}=/`
          : `the API is under the contract's base path: set basePath: ${basePath} in the project file, or ${variable}=${basePath}`;
      return `${headline}; at ${candidate.toString().replace(/\/$/, '')} it answers ${status}: ${advice}`;
    } catch {
      // Nothing answers there either: nothing more to suggest.
    }
  }
  return `${headline} (is the base path right? ${setting}, basePath in the project file or ${variable} set it)`;
}

/** The status of a GET, or an error saying in a few words why there is none. */
function statusOf(url: URL, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const request = client.get(url, { timeout: timeoutMs }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('timeout', () => request.destroy(new Error(`did not answer within ${timeoutMs} ms`)));
    request.on('error', (error: NodeJS.ErrnoException) =>
      reject(new Error(error.code ? `failed: ${error.code}` : `failed: ${error.message}`)),
    );
  });
}
