import { ContractInspector } from '../contract/inspector';
import type { Contract } from '../contract/load';
import type { Operation } from '../contract/operation';
import { UsageError } from '../errors';
import { findOperation } from './find-operation';
import type {
  ExchangeAssessment,
  ExchangeInspector,
  HttpExchange,
  InspectionContext,
} from '../http/exchange';
import { rootText } from './api-root';

/** One service of the running project: its contract, where it is, and the checks of its exchanges. */
export interface Service {
  readonly name: string;
  readonly contract: Contract;
  /** Where its operations' paths are appended: `http://127.0.0.1:4010/v2`. */
  readonly apiRoot: URL;
  readonly inspector: ContractInspector;
}

export function openService(name: string, contract: Contract, apiRoot: URL): Service {
  return { name, contract, apiRoot, inspector: new ContractInspector(contract, basePathOf(apiRoot)) };
}

function basePathOf(apiRoot: URL): string {
  return apiRoot.pathname.replace(/\/$/, '');
}

/** An operation of one of the project's services. */
export interface ServiceOperation {
  readonly service: Service;
  readonly operation: Operation;
}

/**
 * The project's services, for the scenarios: operations called by operationId (qualified by the
 * service when two share one), and every exchange — made by a step or by the page in the browser —
 * matched to its service by origin and base path and checked against that service's contract.
 */
export class Services implements ExchangeInspector {
  /** The most specific API root first: `/api/v2` is tried before `/api` and `/`. */
  private readonly byRoot: readonly Service[];

  constructor(readonly list: readonly Service[]) {
    if (list.length === 0) throw new UsageError('the project has no service');
    this.byRoot = [...list].sort((a, b) => basePathOf(b.apiRoot).length - basePathOf(a.apiRoot).length);
  }

  /** The first service of the project file: where `BASE_URL` points. */
  get first(): Service {
    return this.list[0]!;
  }

  /** Does the run have several services (operations are then named with their service)? */
  get several(): boolean {
    return this.list.length > 1;
  }

  /** The operation called `operationId`, in the named service or the one service that has it. */
  operation(operationId: string, serviceName?: string): ServiceOperation {
    return findOperation(this.list, operationId, serviceName);
  }

  /** The service whose API root the URL is under (same origin, below its base path). */
  at(url: URL): Service | undefined {
    return this.byRoot.find((service) => isBelow(url, service.apiRoot));
  }

  /** The paths the services' APIs are served below (`/api/v1`; `` for the root), each once. */
  get apiBasePaths(): string[] {
    return [...new Set(this.list.map((service) => basePathOf(service.apiRoot)))];
  }

  /** Is the URL one of the project's API calls (what the browser's traffic is checked for)? */
  isApiCall(url: URL): boolean {
    return this.at(url) !== undefined;
  }

  inspect(exchange: HttpExchange, context: InspectionContext): ExchangeAssessment {
    const url = new URL(exchange.request.url);
    const service = this.at(url) ?? this.list.find((candidate) => sameOrigin(candidate.apiRoot, url));
    if (!service) {
      return {
        validated: false,
        undocumented: true,
        violations: [
          `${exchange.request.method} ${url.origin}${url.pathname}: no service of the project is at ${url.origin} (${this.list
            .map((each) => `${each.name}: ${rootText(each.apiRoot)}`)
            .join(', ')})`,
        ],
      };
    }
    return { ...service.inspector.inspectAt(url, exchange, context), service: service.name };
  }

  /** `lookUpNumber (GET /numbers/{number})` for a URL a service knows, else `GET <url>`. */
  nameRequest(method: string, url: string): string {
    const service = this.at(new URL(url));
    if (!service) return `${method} ${url}`;
    const named = service.inspector.nameRequest(method, url);
    return this.several ? `${service.name}: ${named}` : named;
  }
}

/** The names of this machine: a page may call the API as `localhost` while the harness knows `127.0.0.1`. */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Same scheme, port and host, the loopback names counting as one host. */
export function sameOrigin(a: URL, b: URL): boolean {
  if (a.origin === b.origin) return true;
  return (
    a.protocol === b.protocol &&
    a.port === b.port &&
    LOOPBACK.has(a.hostname.toLowerCase()) &&
    LOOPBACK.has(b.hostname.toLowerCase())
  );
}

function isBelow(url: URL, root: URL): boolean {
  if (!sameOrigin(url, root)) return false;
  const base = basePathOf(root);
  return base === '' || url.pathname === base || url.pathname.startsWith(`${base}/`);
}
