import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { CallerIdApi } from '../../support/api/caller-id-api';
import { loadContract, type Contract } from '../../support/contract/load';
import { ReportCategory } from '../../support/generated';
import type { ApiRequest, ApiResponse, HttpClient } from '../../support/http/client';
import { ROOT } from '../helpers/run-harness';

/** An HTTP client that keeps what it is asked to send and answers 200. */
function recordingClient(): { http: HttpClient; sent: ApiRequest[] } {
  const sent: ApiRequest[] = [];
  const send = (request: ApiRequest): Promise<ApiResponse> => {
    sent.push(request);
    return Promise.resolve({ status: 200, headers: {}, body: {} } as ApiResponse);
  };
  return { http: { send } as unknown as HttpClient, sent };
}

/**
 * The example's client calls operations by operationId through `buildRequest`: each request comes
 * out as the contract describes it — path, encoding, query, credentials and JSON body — with no
 * path written in the client.
 */
describe('the caller-ID client, built on the contract', () => {
  let contract: Contract;
  before(async () => {
    contract = await loadContract(path.join(ROOT, 'specs/openapi.yaml'));
  });

  it('fills the path template from the contract, each segment percent-encoded', async () => {
    const { http, sent } = recordingClient();
    await new CallerIdApi(http, contract).lookUp('+886912345678');
    assert.equal(sent[0]?.method, 'GET');
    assert.equal(sent[0]?.path, '/numbers/%2B886912345678');
    assert.deepEqual(sent[0]?.headers, {});
    assert.equal(sent[0]?.rawBody, undefined);
  });

  it('sends the query parameters it is given, in the contract’s style, and none it is not', async () => {
    const { http, sent } = recordingClient();
    const api = new CallerIdApi(http, contract);
    await api.listReports('+886912345678', { page: 3, pageSize: 2 });
    await api.listReports('+886912345678');
    assert.equal(sent[0]?.path, '/numbers/%2B886912345678/reports');
    assert.equal(sent[0]?.queryString, 'page=3&pageSize=2');
    assert.equal(sent[1]?.queryString, undefined);
  });

  it('calls as the account holder: their username in the path, their token in Authorization', async () => {
    const { http, sent } = recordingClient();
    const as = { token: 'a-token' };
    const api = new CallerIdApi(http, contract);
    await api.report(as, 'alice-1', { number: '+886912345678', category: ReportCategory.Scam });
    await api.withdrawReport(as, 'alice-1', 'r/1');
    await api.unblock({}, 'alice-1', '+886912345678');
    assert.deepEqual(
      sent.map((request) => `${request.method} ${request.path}`),
      [
        'POST /users/alice-1/reports',
        'DELETE /users/alice-1/reports/r%2F1',
        'DELETE /users/alice-1/block-list/%2B886912345678',
      ],
    );
    assert.deepEqual(sent[0]?.headers, { authorization: 'Bearer a-token' });
    assert.deepEqual(JSON.parse(String(sent[0]?.rawBody)), { number: '+886912345678', category: 'scam' });
    assert.deepEqual(sent[2]?.headers, {}, 'an anonymous call carries no Authorization header');
  });
});
