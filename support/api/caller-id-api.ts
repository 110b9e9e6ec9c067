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
import type { ApiResponse, HttpClient } from '../http/client';

/** Who makes a call: a bearer token, or nobody (`{}`) for anonymous calls. */
export interface Credentials {
  readonly token?: string;
}

const segment = encodeURIComponent;

/**
 * The caller-ID service's operations, typed by the models generated from the contract: a change
 * to the contract that breaks a step's expectations fails `npm run typecheck`.
 */
export class CallerIdApi {
  constructor(private readonly http: HttpClient) {}

  health(): Promise<ApiResponse> {
    return this.http.send({ method: 'GET', path: '/health' });
  }

  registerUser(user: NewUser): Promise<ApiResponse> {
    return this.http.send({ method: 'POST', path: '/users', body: NewUserToJSON(user) as unknown });
  }

  issueToken(request: TokenRequest): Promise<ApiResponse> {
    return this.http.send({
      method: 'POST',
      path: '/auth/token',
      body: TokenRequestToJSON(request) as unknown,
    });
  }

  lookUp(number: string): Promise<ApiResponse> {
    return this.http.send({ method: 'GET', path: `/numbers/${segment(number)}` });
  }

  listReports(number: string, page?: { page?: number; pageSize?: number }): Promise<ApiResponse> {
    return this.http.send({
      method: 'GET',
      path: `/numbers/${segment(number)}/reports`,
      query: {
        ...(page?.page ? { page: page.page } : {}),
        ...(page?.pageSize ? { pageSize: page.pageSize } : {}),
      },
    });
  }

  report(as: Credentials, username: string, report: NewReport): Promise<ApiResponse> {
    return this.http.send({
      method: 'POST',
      path: `/users/${segment(username)}/reports`,
      headers: authorization(as),
      body: NewReportToJSON(report) as unknown,
    });
  }

  withdrawReport(as: Credentials, username: string, reportId: string): Promise<ApiResponse> {
    return this.http.send({
      method: 'DELETE',
      path: `/users/${segment(username)}/reports/${segment(reportId)}`,
      headers: authorization(as),
    });
  }

  listBlocked(as: Credentials, username: string): Promise<ApiResponse> {
    return this.http.send({
      method: 'GET',
      path: `/users/${segment(username)}/block-list`,
      headers: authorization(as),
    });
  }

  block(as: Credentials, username: string, entry: NewBlockedNumber): Promise<ApiResponse> {
    return this.http.send({
      method: 'POST',
      path: `/users/${segment(username)}/block-list`,
      headers: authorization(as),
      body: NewBlockedNumberToJSON(entry) as unknown,
    });
  }

  unblock(as: Credentials, username: string, number: string): Promise<ApiResponse> {
    return this.http.send({
      method: 'DELETE',
      path: `/users/${segment(username)}/block-list/${segment(number)}`,
      headers: authorization(as),
    });
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
