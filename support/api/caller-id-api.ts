import type {
  NewBlockedNumber,
  NewReport,
  NewUser,
  TokenRequest,
  BlockList,
  NumberLookup,
  Problem,
  Report,
  ReportPage,
  Token,
} from '../generated';
import {
  BlockListFromJSON,
  NewBlockedNumberToJSON,
  NewReportToJSON,
  NewUserToJSON,
  NumberLookupFromJSON,
  ProblemFromJSON,
  ReportFromJSON,
  ReportPageFromJSON,
  TokenFromJSON,
  TokenRequestToJSON,
} from '../generated';
import type { Contract } from '../contract/load';
import { buildRequest } from '../contract/operation-call';
import type { ApiResponse, HttpClient } from '../http/client';

/** Who makes a call: a bearer token, or nobody (`{}`) for anonymous calls. */
export interface Credentials {
  readonly token?: string;
}

/** A signed-in account holder: the token, and the username the account's paths name. */
export type SignedIn = Credentials & { readonly username: string };

/** One call of an operation: its parameters by name, its JSON body, and who makes it. */
interface Call {
  readonly as?: Credentials;
  readonly parameters?: Readonly<Record<string, string | number | undefined>>;
  readonly body?: unknown;
}

/**
 * The caller-ID service's operations, typed by the models generated from the contract: a change
 * to the contract that breaks a step's expectations fails `npm run typecheck`. Each operation is
 * called by its operationId and built by `buildRequest`, as the generic contract steps build theirs:
 * paths, parameter styles and encodings come from the contract, never written here.
 */
export class CallerIdApi {
  /** `contract`: the service's contract, as the scenario's services loaded it. */
  constructor(
    private readonly http: HttpClient,
    private readonly contract: Contract,
  ) {}

  private async call(
    operationId: string,
    { as = {}, parameters = {}, body }: Call = {},
  ): Promise<ApiResponse> {
    const operation = this.contract.operation(operationId);
    const given = Object.entries(parameters).flatMap(([name, value]) =>
      value === undefined ? [] : [[name, String(value)] as [string, string]],
    );
    return this.http.send(
      buildRequest(operation, {
        headers: authorization(as),
        parameters: new Map(given),
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    );
  }

  health(): Promise<ApiResponse> {
    return this.call('getHealth');
  }

  registerUser(user: NewUser): Promise<ApiResponse> {
    return this.call('registerUser', { body: NewUserToJSON(user) });
  }

  issueToken(request: TokenRequest): Promise<ApiResponse> {
    return this.call('issueToken', { body: TokenRequestToJSON(request) });
  }

  lookUp(number: string): Promise<ApiResponse> {
    return this.call('lookUpNumber', { parameters: { number } });
  }

  listReports(number: string, page?: { page?: number; pageSize?: number }): Promise<ApiResponse> {
    return this.call('listNumberReports', {
      parameters: { number, page: page?.page, pageSize: page?.pageSize },
    });
  }

  report(as: Credentials, username: string, report: NewReport): Promise<ApiResponse> {
    return this.call('reportNumber', { as, parameters: { username }, body: NewReportToJSON(report) });
  }

  withdrawReport(as: Credentials, username: string, reportId: string): Promise<ApiResponse> {
    return this.call('withdrawReport', { as, parameters: { username, reportId } });
  }

  listBlocked(as: Credentials, username: string): Promise<ApiResponse> {
    return this.call('listBlockedNumbers', { as, parameters: { username } });
  }

  block(as: Credentials, username: string, entry: NewBlockedNumber): Promise<ApiResponse> {
    return this.call('blockNumber', { as, parameters: { username }, body: NewBlockedNumberToJSON(entry) });
  }

  unblock(as: Credentials, username: string, number: string): Promise<ApiResponse> {
    return this.call('unblockNumber', { as, parameters: { username, number } });
  }
}

/** The Authorization header of a call made as `as`; none for an anonymous one. */
export function authorization(as: Credentials): Record<string, string> {
  return as.token ? { authorization: `Bearer ${as.token}` } : {};
}

/** Reads a response as the model its status promises, failing clearly when it is something else. */
function expectStatus(response: ApiResponse, status: number, what: string): unknown {
  if (response.status !== status) {
    const problem = isProblem(response.body)
      ? `: ${response.body.title}${response.body.detail ? ` — ${response.body.detail}` : ''}`
      : '';
    throw new Error(`expected ${what} (HTTP ${status}), got HTTP ${response.status}${problem}`);
  }
  return response.body;
}

function isProblem(body: unknown): body is Problem {
  return typeof body === 'object' && body !== null && 'title' in body && 'status' in body;
}

export const read = {
  lookup: (response: ApiResponse): NumberLookup =>
    NumberLookupFromJSON(expectStatus(response, 200, 'a lookup result')),
  token: (response: ApiResponse): Token => TokenFromJSON(expectStatus(response, 200, 'a token')),
  report: (response: ApiResponse): Report => ReportFromJSON(expectStatus(response, 201, 'a recorded report')),
  reportPage: (response: ApiResponse): ReportPage =>
    ReportPageFromJSON(expectStatus(response, 200, 'a page of reports')),
  blockList: (response: ApiResponse): BlockList =>
    BlockListFromJSON(expectStatus(response, 200, 'a block list')),
  problem: (response: ApiResponse): Problem => {
    if (!isProblem(response.body)) {
      throw new Error(
        `expected a problem document, got HTTP ${response.status} with ${JSON.stringify(response.body)}`,
      );
    }
    return ProblemFromJSON(response.body);
  },
};
