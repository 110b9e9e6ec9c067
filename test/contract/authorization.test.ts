import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { authorize, credentialsAskedFor } from '../../support/contract/authorization';
import { loadContract, type Contract } from '../../support/contract/load';

const ROOT = path.resolve(__dirname, '../..');

describe('credentials from the security schemes', () => {
  let contract: Contract;
  before(async () => {
    contract = await loadContract(path.join(ROOT, 'specs/openapi.yaml'));
  });
  const given = [
    { scheme: 'bearerAuth', credential: 'cid_token_of_alice_0000000' },
    { scheme: 'partnerKey', credential: 'cid_partner_key_000000000' },
    { scheme: 'partnerBasic', credential: 'partner:pw-secret' },
  ];

  it('go only to the operations whose security asks for their scheme', () => {
    const schemes = (operationId: string): string[] =>
      credentialsAskedFor(contract.operation(operationId), given).map((each) => each.scheme);
    assert.deepEqual(schemes('reportNumber'), ['bearerAuth']);
    assert.deepEqual(schemes('identifyForPartner'), ['partnerKey']);
    assert.deepEqual(schemes('getPartnerUsage'), ['partnerBasic']);
    assert.deepEqual(schemes('getHealth'), [], 'a public operation gets none');
  });

  it('are put where each scheme says: the query, a cookie, Basic encoded from user:password', () => {
    const request = { method: 'GET', path: '/partner/usage' } as const;
    assert.equal(
      authorize(request, contract, given[2]!).headers?.authorization,
      `Basic ${Buffer.from('partner:pw-secret').toString('base64')}`,
    );
    assert.equal(authorize(request, contract, given[1]!).query?.api_key, 'cid_partner_key_000000000');
    assert.match(
      authorize(request, contract, { scheme: 'partnerSession', credential: 'cid_s' }).headers?.cookie ?? '',
      /partner_session=cid_s/,
    );
  });
});
