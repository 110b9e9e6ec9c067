import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { loadContract } from '../../support/contract/load';
import { CONTRACT_STEPS } from '../../support/contract/step-wording';
import type { PlannedStep } from '../../support/preflight/planned-run';
import { stepProblems } from '../../support/preflight/step-checks';
import type { NamedContract } from '../../support/services/find-operation';

const ROOT = path.resolve(__dirname, '../..');

const step = (
  line: number,
  match: string,
  args: string[],
  extra: Partial<PlannedStep> = {},
): PlannedStep => ({
  where: `features/x.feature:${line}`,
  keyword: 'Given',
  text: args.join(' '),
  docString: undefined,
  dataTable: undefined,
  matches: [match],
  args,
  ...extra,
});

const problems = (steps: PlannedStep[], services: NamedContract[], env: NodeJS.ProcessEnv = {}): string[] =>
  stepProblems(
    { scenarios: [{ where: 'features/x.feature:3', name: 's', tags: [], steps }], parseErrors: [] },
    services,
    env,
  );

describe("the preflight's checks of contract steps in a project of several services", () => {
  let services: NamedContract[];
  before(async () => {
    services = [
      {
        name: 'accounts',
        contract: await loadContract(
          path.join(ROOT, 'test/fixtures/projects/two-services/specs/accounts.yaml'),
        ),
      },
      {
        name: 'library',
        contract: await loadContract(path.join(ROOT, 'test/fixtures/library/openapi.yaml')),
      },
      {
        name: 'tides',
        contract: await loadContract(path.join(ROOT, 'test/fixtures/projects/tides/specs/tides.yaml')),
      },
    ];
  });

  it('accepts an id one service has, and a shared id called on its service', () => {
    assert.deepEqual(
      problems(
        [
          step(4, CONTRACT_STEPS.call, ['createSession']),
          step(5, CONTRACT_STEPS.callOn, ['listItems', 'library']),
        ],
        services,
      ),
      [],
    );
  });

  it('names the services that share an id called without its service', () => {
    assert.deepEqual(problems([step(4, CONTRACT_STEPS.call, ['listItems'])], services), [
      'features/x.feature:4: operation "listItems" is in several services ("accounts", "library"): say which, as in When I call "listItems" on "accounts"',
    ]);
  });

  it('checks parameter names against the operation on the service the next call names', () => {
    const table = [
      ['name', 'value'],
      ['stationId', 'kee-01'],
    ];
    assert.deepEqual(
      problems(
        [
          step(4, CONTRACT_STEPS.parameters, [], { dataTable: table }),
          step(5, CONTRACT_STEPS.callOn, ['listItems', 'library']),
        ],
        services,
      ),
      [
        'features/x.feature:4: listItems has no parameter "stationId"; its parameters are: limit (query), X-Request-Id (header)',
      ],
    );
  });

  it('refuses a security scheme no contract of the project has, listing the schemes there are', () => {
    assert.deepEqual(problems([step(4, CONTRACT_STEPS.authorized, ['stationKey', 'k'])], services), []);
    assert.deepEqual(problems([step(7, CONTRACT_STEPS.authorized, ['apiKey', 'k'])], services.slice(2)), [
      'features/x.feature:7: no security scheme "apiKey" in Harbour Tides (its schemes: stationKey)',
    ]);
  });

  it('names every {{env.NAME}} that is not set, wherever it stands in a step', () => {
    const steps = [
      step(4, CONTRACT_STEPS.authorized, ['stationKey', '{{env.STATION_KEY}}']),
      step(5, CONTRACT_STEPS.body, [], { docString: '{"note": "{{env.NOTE}}"}' }),
    ];
    assert.deepEqual(problems(steps, services, { NOTE: 'set' }), [
      'features/x.feature:4: {{env.STATION_KEY}}: the environment variable STATION_KEY is not set',
    ]);
  });
});

describe("the preflight's checks of the generic steps' bodies, tables and markers", () => {
  let services: NamedContract[];
  before(async () => {
    services = [{ name: 'caller-id', contract: await loadContract(path.join(ROOT, 'specs/openapi.yaml')) }];
  });

  it('refuses a body media type the next call does not declare, and takes one it does', () => {
    const call = step(9, CONTRACT_STEPS.call, ['reportBySms']);
    assert.deepEqual(problems([step(5, CONTRACT_STEPS.bodyAs, ['text/plain']), call], services), []);
    assert.deepEqual(problems([step(5, CONTRACT_STEPS.bodyAs, ['application/xml']), call], services), []);
    assert.deepEqual(problems([step(5, CONTRACT_STEPS.bodyAs, ['application/yaml']), call], services), [
      'features/x.feature:5: reportBySms does not take a application/yaml body (it declares: application/x-www-form-urlencoded, multipart/form-data, text/plain, application/xml, application/octet-stream)',
    ]);
  });

  it('checks headless parameter tables against the next call, and the shape of form tables', () => {
    const call = step(9, CONTRACT_STEPS.call, ['lookUpNumber']);
    const headless = step(5, CONTRACT_STEPS.parameters, [], { dataTable: [['number', '+886912345678']] });
    assert.deepEqual(problems([headless, call], services), []);
    const wrong = step(5, CONTRACT_STEPS.parameters, [], { dataTable: [['numbr', '+886912345678']] });
    assert.deepEqual(problems([wrong, call], services), [
      'features/x.feature:5: lookUpNumber has no parameter "numbr"; its parameters are: number (path)',
    ]);
    const threeColumns = step(6, CONTRACT_STEPS.form, [], { dataTable: [['a', 'b', 'c']] });
    assert.deepEqual(problems([threeColumns], services), [
      'features/x.feature:6: the table needs exactly two columns: | name | value |, with or without that heading',
    ]);
  });

  it('checks form fields against the form the next call declares, and refuses a form it does not take', () => {
    const form = (rows: string[][]): PlannedStep => step(5, CONTRACT_STEPS.form, [], { dataTable: rows });
    const sms = step(9, CONTRACT_STEPS.call, ['reportBySms']);
    const fields = [
      ['from', '+886912000001'],
      ['keyword', 'SPAM'],
      ['number', '+886955000111'],
      ['screenshot', '@file:s.png'],
      ['{{field}}', 'x'],
    ];
    assert.deepEqual(problems([form(fields), sms], services), []);
    assert.deepEqual(
      problems(
        [
          form([
            ['keywrod', 'SPAM'],
            ['from', '+886912000001'],
          ]),
          sms,
        ],
        services,
      ),
      [
        'features/x.feature:5: reportBySms\'s form has no field "keywrod" (its fields: from, keyword, number, attempts, screenshot)',
      ],
    );
    const json = step(9, CONTRACT_STEPS.call, ['registerUser']);
    assert.deepEqual(problems([form([['username', 'x']]), json], services), [
      'features/x.feature:5: registerUser does not take a form (it declares: application/json)',
    ]);
  });

  it('refuses unknown markers in every comparing step, and leaves placeholders and ## alone', () => {
    assert.deepEqual(
      problems(
        [
          step(4, CONTRACT_STEPS.bodyAt, ['kind', '#string']),
          step(5, CONTRACT_STEPS.bodyAt, ['kind', '##literal']),
          step(6, CONTRACT_STEPS.bodyAt, ['kind', '#{{marker}}']),
          step(7, CONTRACT_STEPS.everyItem, ['items'], { dataTable: [['category', '#strin']] }),
          step(8, CONTRACT_STEPS.responseHeader, ['Location', '#nope']),
          step(9, CONTRACT_STEPS.bodyContains, [], { docString: '{"a": ["#object", "#[2]", "#uuidd"]}' }),
          step(10, CONTRACT_STEPS.bodyContains, [], { docString: '{"a": ' }),
        ],
        services,
      ).map((problem) => problem.replace(/ \(markers: .*\)$/, '')),
      [
        'features/x.feature:7: unknown marker "#strin"',
        'features/x.feature:8: unknown marker "#nope"',
        'features/x.feature:9: unknown marker "#uuidd"',
        'features/x.feature:10: the expected body is not valid JSON: Unexpected end of JSON input',
      ],
    );
  });
});
