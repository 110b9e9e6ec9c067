import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { supportCodeLibraryBuilder, type IWorldOptions } from '@cucumber/cucumber';
import { IdGenerator, type Pickle } from '@cucumber/messages';
import type { WorkerBrowser } from '../../support/browser/worker-browser';
import { loadConfig } from '../../support/config/config';
import { addParameter } from '../../support/contract/operation-call';
import { UsageError } from '../../support/errors';
import type { ExchangeAttachment } from '../../support/report/exchange-attachment';
import { REDACTED } from '../../support/report/redact';
import type { ServiceWatch } from '../../support/service-watch';
import { loadServiceContracts } from '../../support/services/contracts';
import { openTarget, type Target } from '../../support/target';
import type { WorkerResources } from '../../support/worker';
import type * as WorldModule from '../../support/cucumber/world';

/**
 * The World every scenario gets, built as cucumber builds it (`new World({ attach, log, link,
 * parameters })`) and begun as the `Before` hook begins it, against the embedded service started
 * in-process on a free port. No browser is launched.
 */

// world.ts registers itself with cucumber as it loads: cucumber must be "running" to accept it.
supportCodeLibraryBuilder.reset(process.cwd(), IdGenerator.incrementing(), {
  requireModules: [],
  requirePaths: [],
  importPaths: [],
  loaders: [],
});
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ScenarioWorld, THE_NUMBER } = require('../../support/cucumber/world') as typeof WorldModule;
type ScenarioWorld = WorldModule.ScenarioWorld;

interface Attached {
  readonly data: unknown;
  readonly options: unknown;
}

/** A World with cucumber's attach and log replaced by recorders. */
function newWorld(): { world: ScenarioWorld; attached: Attached[]; logged: string[] } {
  const attached: Attached[] = [];
  const logged: string[] = [];
  const options: IWorldOptions = {
    attach: ((data: unknown, options: unknown) => {
      attached.push({ data, options });
    }) as IWorldOptions['attach'],
    log: (text: string) => {
      logged.push(text);
    },
    link: () => undefined,
    parameters: {},
  };
  return { world: new ScenarioWorld(options), attached, logged };
}

function pickle(tags: readonly string[] = []): Pickle {
  return {
    id: 'p1',
    uri: 'features/lookup/look-up.feature',
    name: 'A scenario',
    language: 'en',
    astNodeIds: [],
    steps: [],
    tags: tags.map((name) => ({ name, astNodeId: name })),
  };
}

const NOT_STARTED = /^Error: The scenario has not started: the harness Before hook did not run$/;

describe('the World, as cucumber constructs it', () => {
  it('is the World cucumber is told to build', () => {
    const library = supportCodeLibraryBuilder.finalize();
    assert.equal(library.World, ScenarioWorld);
  });

  it('refuses what needs a started scenario, saying the Before hook did not run', () => {
    const { world } = newWorld();
    for (const [what, read] of [
      ['http', () => world.http],
      ['api', () => world.api],
      ['traffic', () => world.traffic],
      ['cast', () => world.cast],
      ['redactor', () => world.redactor],
      ['resources', () => world.resources],
      ['services', () => world.services],
      ['lastResponse', () => world.lastResponse],
      ['actorCalled', () => world.actorCalled('Alice')],
      ['hasTag', () => world.hasTag('@ui')],
    ] as const)
      assert.throws(read, NOT_STARTED, what);
    assert.equal(world.redactorIfStarted, undefined);
    assert.deepEqual(world.browserSessions, []);
  });

  it('attaches and logs what it is given before the scenario starts (no redactor yet)', () => {
    const { world, attached, logged } = newWorld();
    void world.attach('plain text', 'text/plain');
    world.log('a line');
    assert.deepEqual(attached, [{ data: 'plain text', options: 'text/plain' }]);
    assert.deepEqual(logged, ['a line']);
  });

  it('remembers values by name and says what it holds when asked for what it does not', () => {
    const { world } = newWorld();
    assert.throws(
      () => world.recall('id'),
      /^Error: Nothing was remembered as "id" in this scenario \(remembered: nothing yet\)$/,
    );
    world.remember('id', 42);
    world.remember('name', 'Dune');
    assert.equal(world.recall<number>('id'), 42);
    assert.equal(world.interpolate('book {{id}}: {{name}}'), 'book 42: Dune');
    assert.throws(
      () => world.recall('title'),
      /^Error: Nothing was remembered as "title" in this scenario \(remembered: "id", "name"\)$/,
    );
  });

  it('keeps "the number" in its typed notes', () => {
    const { world } = newWorld();
    assert.throws(() => world.theNumber, /^Error: Nothing was remembered as "the number" by this scenario/);
    world.theNumber = '+886912345678';
    assert.equal(world.theNumber, '+886912345678');
    assert.equal(world.notes.read(THE_NUMBER), '+886912345678');
    assert.equal(newWorld().world.notes.has(THE_NUMBER), false, 'each World has its own notes');
  });

  it('gives built-in values, the same all scenario long and different in another', () => {
    const { world } = newWorld();
    const unique = world.interpolate('{{$unique}}');
    assert.match(unique, /^[A-Za-z0-9]+$/);
    assert.equal(world.interpolate('{{$unique}}'), unique);
    assert.notEqual(newWorld().world.interpolate('{{$unique}}'), unique);
    assert.match(world.interpolate('{{$uniqueDigits}}'), /^\d{8}$/);
    assert.throws(
      () => world.interpolate('{{$nonce}}'),
      /^UsageError: unknown placeholder \{\{\$nonce\}\}: \{\{\$nonce\}\} is not a built-in value \(use \{\{\$unique\}\}, \{\{\$uniqueDigits\}\} or \{\{\$password\}\}\)$/,
    );
    const variable = 'SBE_WORLD_TEST_UNSET_VARIABLE';
    delete process.env[variable];
    assert.throws(
      () => world.interpolate(`{{env.${variable}}}`),
      new RegExp(
        `^UsageError: unknown placeholder \\{\\{env\\.${variable}\\}\\}: the environment variable ${variable} is not set$`,
      ),
    );
  });
});

describe('the World of a started scenario', () => {
  let resources: WorkerResources;
  let target: Target;

  before(async () => {
    const settings = loadConfig();
    const contracts = await loadServiceContracts(settings);
    target = await openTarget(
      settings,
      contracts.map((entry) => entry.contract),
    );
    const noBrowser = (): never => {
      throw new Error('this test launches no browser');
    };
    resources = {
      config: settings,
      services: target.services,
      target,
      browser: { describe: noBrowser, get: noBrowser } as unknown as WorkerBrowser,
      watch: {} as ServiceWatch,
    };
  });
  after(() => target.close());

  function started(tags: readonly string[] = []): ReturnType<typeof newWorld> {
    const made = newWorld();
    made.world.begin(resources, pickle(tags));
    return made;
  }

  /** The exchange attachments of a World, parsed. */
  const exchangesOf = (attached: readonly Attached[]): ExchangeAttachment[] =>
    attached
      .filter((each) => typeof each.data === 'string' && each.data.includes('"kind": "http-exchange"'))
      .map((each) => JSON.parse(each.data as string) as ExchangeAttachment);

  it('knows its tags, its feature’s folder, its services and its contract', () => {
    const { world } = started(['@api', '@REQ-101']);
    assert.equal(world.hasTag('@api'), true);
    assert.equal(world.hasTag('@ui'), false);
    assert.equal(world.featureDir, path.resolve('features/lookup'));
    assert.equal(world.services, resources.services);
    assert.equal(world.contract, resources.services.first.contract);
    assert.ok(world.redactorIfStarted);
    assert.equal(world.redactorIfStarted, world.redactor);
  });

  it('has nothing to wait for after an API step: settling its traffic is no promise', async () => {
    const { world } = started(['@api']);
    await world.api.lookUp('+886912345678');
    assert.equal(world.settleTraffic(), undefined);
  });

  it('has actors: each the same one all scenario long, the one named last in the spotlight', () => {
    const { world } = started();
    assert.throws(
      () => world.actorInTheSpotlight,
      /^Error: no one has been named in this scenario yet: start with a step that names who acts/,
    );
    assert.throws(() => world.page(), /no one has been named in this scenario yet/);
    const alice = world.actorCalled('Alice');
    const bob = world.actorCalled('Bob');
    assert.equal(world.actorInTheSpotlight, bob);
    assert.equal(world.actorCalled('Alice'), alice);
    assert.equal(world.actorInTheSpotlight, alice);
    assert.equal(alice.name, 'Alice');
    assert.throws(() => alice.knownAccount(), /^Error: Alice has no account in this scenario/);
    assert.notEqual(started().world.actorCalled('Alice'), alice, 'another scenario, another Alice');
  });

  it('calls an operation and attaches the exchange, named after the operation; each operation reported once', async () => {
    const { world, attached } = started();
    assert.throws(() => world.lastResponse, /^Error: No API call has been made in this scenario yet$/);
    const response = await world.callOperation('getHealth');
    assert.equal(response.status, 200);
    assert.equal(world.lastResponse, response);
    assert.deepEqual(
      attached.map((each) => each.options),
      [{ mediaType: 'application/json', fileName: 'HTTP getHealth → 200.json' }],
    );
    const [sent] = exchangesOf(attached);
    assert.equal(sent?.assessment.operationId, 'getHealth');
    assert.equal(sent?.assessment.service, 'caller-id');
    assert.deepEqual(sent?.assessment.violations, []);
    assert.match(sent?.curl ?? '', /^curl -X GET 'http:\/\/127\.0\.0\.1:\d+\/api\/v1\/health'/);
    await world.callOperation('getHealth');
    assert.equal(world.traffic.records.length, 2);
  });

  it('keeps an actor’s password and token out of every attachment, while the steps can still use them', async () => {
    const { world, attached } = started();
    const alice = world.actorCalled('Alice');
    const { token, username } = await alice.signedIn();
    const { password } = alice.knownAccount();
    assert.ok(token, 'a token was issued');
    assert.match(username, /^alice-/);
    const raw = JSON.stringify(world.traffic.records);
    assert.ok(raw.includes(token) && raw.includes(password), 'the steps see what was exchanged');
    const exchanges = exchangesOf(attached);
    assert.deepEqual(
      exchanges.map((each) => each.assessment.operationId),
      ['registerUser', 'issueToken'],
    );
    const written = JSON.stringify(attached);
    assert.equal(written.includes(token), false, 'the token reached an attachment');
    assert.equal(written.includes(password), false, 'the password reached an attachment');
    assert.deepEqual(exchanges[1]?.exchange.response.body, {
      ...(exchanges[1]?.exchange.response.body as object),
      accessToken: REDACTED,
    });
    void world.attach(`the token was ${token}`, 'text/plain');
    assert.equal(attached[attached.length - 1]?.data, `the token was ${REDACTED}`);
  });

  it('redacts the exchanges it attaches by name too: a short password is no secret by value, but is by field', async () => {
    // @negative: the request breaks the contract on purpose, and is not checked.
    const { world, attached } = started(['@negative']);
    const response = await world.http.send({
      method: 'POST',
      path: '/users',
      body: { username: 'shorty', password: 'abc' },
    });
    assert.equal(response.status, 400, 'too short for the service');
    assert.deepEqual(world.traffic.records[0]?.exchange.request.body, {
      username: 'shorty',
      password: 'abc',
    });
    const [reported] = exchangesOf(attached);
    assert.deepEqual(reported?.exchange.request.body, { username: 'shorty', password: REDACTED });
    assert.equal(
      reported?.curl.includes('"password":"abc"'),
      false,
      'the curl line is built from the redacted record',
    );
  });

  it('redacts what a step logs or attaches as text, and passes binary data as it is', () => {
    const { world, attached, logged } = started();
    const password = world.interpolate('{{$password}}');
    assert.equal(world.interpolate('{{$password}}'), password, 'the same password all scenario long');
    world.log(`typed ${password}`);
    void world.attach(`password=${password}`, 'text/plain');
    const screenshot = Buffer.from(password);
    void world.attach(screenshot, 'image/png');
    assert.deepEqual(logged, [`typed ${REDACTED}`]);
    assert.equal(attached[0]?.data, `password=${REDACTED}`);
    assert.equal(attached[1]?.data, screenshot);
    assert.equal(
      world.redactor.errorText(`expected "${password}"`),
      `expected {{$password}} [secret]`,
      'a failure names the secret instead of quoting it',
    );
  });

  it('takes {{env.NAME}} from the environment and keeps it out of reports', () => {
    const { world, logged } = started();
    const variable = 'SBE_WORLD_TEST_SECRET';
    process.env[variable] = 'env-secret-value-1234';
    try {
      assert.equal(world.interpolate(`key={{env.${variable}}}`), 'key=env-secret-value-1234');
      world.log('sent env-secret-value-1234');
      assert.deepEqual(logged, [`sent ${REDACTED}`]);
    } finally {
      delete process.env[variable];
    }
  });

  it('remembers from the last response, a secret-named field as a secret, and says what is missing', async () => {
    const { world, attached } = started();
    const alice = world.actorCalled('Alice');
    const account = await alice.account();
    await world.api.issueToken({ username: account.username, password: account.password });
    world.rememberFromResponse('accessToken', 'tok');
    const token = world.recall<string>('tok');
    assert.ok(token.length > 10);
    void world.attach(`Authorization: Bearer ${token}`, 'text/plain');
    assert.equal(attached[attached.length - 1]?.data, `Authorization: Bearer ${REDACTED}`);
    assert.equal(
      world.redactor.errorText(`expected "${token}", actual "Bearer"`),
      'expected the remembered "tok" [secret], actual "Bearer"',
    );
    assert.throws(
      () => world.rememberFromResponse('refresh.token', 'refresh'),
      (error: unknown) =>
        error instanceof UsageError &&
        error.message === 'the response body has nothing at refresh.token to remember as "refresh"',
    );
    world.rememberResponseHeader('X-Request-Id', 'request');
    assert.match(world.recall<string>('request'), /^[0-9a-f-]{36}$/);
    assert.throws(
      () => world.rememberResponseHeader('ETag', 'etag'),
      /^UsageError: the response has no header ETag to remember as "etag" \(its headers: .*x-request-id.*\)$/,
    );
  });

  it('keeps a short value remembered from a secret-named field out of reports, which the exchange alone would not', async () => {
    const server = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ token: 'k9x2z', name: 'k9x2y' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { world, logged } = started();
      const baseUrl = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      // Outside the project's services the exchange is a violation; the response is still the last one.
      await assert.rejects(
        world.http.send({ method: 'GET', baseUrl, path: '/session' }),
        /no service of the project is at http:\/\/127\.0\.0\.1:\d+ \(caller-id: http:\/\/127\.0\.0\.1:\d+\/api\/v1\)$/,
      );
      world.log('k9x2z');
      assert.deepEqual(logged, ['k9x2z'], 'too short to be learned from the exchange as a secret');
      world.rememberFromResponse('token', 'short token');
      world.rememberFromResponse('name', 'name');
      world.log('k9x2z k9x2y');
      assert.deepEqual(logged[1], `${REDACTED} k9x2y`, 'only the secret-named field is a secret');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('sends a credential given for a scheme only to the operations that ask for it, and never shows it', async () => {
    const { world, attached } = started();
    assert.throws(
      () => world.authorize('oauth', 'x'),
      (error: unknown) =>
        error instanceof UsageError &&
        /^no security scheme "oauth" in .+ \(its schemes: bearerAuth, partnerKey, partnerSession, partnerBasic\)$/.test(
          error.message,
        ),
    );
    world.authorize('partnerKey', 'partner-key-5678');
    await world.callOperation('getHealth');
    addParameter(world.prepared, 'number', '+886912345678');
    const partner = await world.callOperation('identifyForPartner');
    assert.equal(partner.status, 401, 'the service knows no such key');
    const [health, identify] = world.traffic.records;
    assert.equal(new URL(health!.exchange.request.url).searchParams.get('api_key'), null);
    assert.equal(new URL(identify!.exchange.request.url).searchParams.get('api_key'), 'partner-key-5678');
    assert.equal(world.prepared.parameters.size, 0, 'what was prepared is spent by the call');
    const reported = exchangesOf(attached)[1]!;
    assert.equal(new URL(reported.exchange.request.url).searchParams.get('api_key'), REDACTED);
    assert.equal(JSON.stringify(attached).includes('partner-key-5678'), false);
  });
});
