import http from 'node:http';
import https from 'node:https';
import type { Contract, Operation } from '../contract/load';

export interface ServiceCheckOptions {
  /** How long a service still starting is given to answer. */
  readonly waitMs: number;
  /** Budget of one attempt. */
  readonly attemptTimeoutMs: number;
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
 * Does the service answer? Its health operation must answer 2xx; without one, any HTTP answer
 * from the API root will do. A service still starting gets `waitMs`, tried every quarter second.
 * Returns the problem in one line, or undefined when the service is up.
 */
export async function serviceProblem(
  apiBaseUrl: URL,
  contract: Contract,
  options: ServiceCheckOptions,
): Promise<string | undefined> {
  const health = healthOperation(contract);
  const url = new URL(apiBaseUrl.toString().replace(/\/$/, '') + (health?.pathTemplate ?? '/'));
  const what = health ? `${health.operationId} (GET ${url.toString()})` : `GET ${url.toString()}`;
  const deadline = Date.now() + options.waitMs;
  let last: string;
  for (;;) {
    try {
      const status = await statusOf(url, options.attemptTimeoutMs);
      if (!health || (status >= 200 && status < 300)) return undefined;
      last = `answered ${status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    if (Date.now() + 250 > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return (
    `the service does not answer: ${what} ${last} ` +
    `(waited ${Math.round(options.waitMs / 1000)} s; is BASE_URL right and the service up?)`
  );
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
