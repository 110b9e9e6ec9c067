import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { loadContract } from '../../support/contract/load';
import { CONTRACT_STEPS } from '../../support/contract/operation-call';
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
