import type { RowId } from './rows';

/** What each row measures, for docs/BENCHMARKS.md. */
export const WHAT_IT_MEASURES: Readonly<Record<RowId, string>> = {
  'startup-wall-hand-rolled':
    'Spawn to exit: the time a person waits for one scenario. Harness: `node -r ./support/register.cjs ' +
    "support/cli/spec.ts --no-gate` (what `npm run spec` runs, without npm's own start-up) on one `@contract` " +
    'scenario (`When I call "getHealth"`, `Then the response status is 200`) against its embedded service. ' +
    'Baseline: the same check hand-rolled, as a team writes it without the harness — a project with its own ' +
    'tsconfig.json, a tiny express app answering `GET /health`, and a TypeScript step file calling it through ' +
    'supertest and asserting the status, run by `node -r ts-node/register <cucumber-js>` with ' +
    '`TS_NODE_TRANSPILE_ONLY=true` (the message formatter to a file is the measuring instrument). One untimed ' +
    'round first; then the median of the runs, all three start-up runs in turn, each round starting one ' +
    'further on.',
  'startup-wall-bare':
    'The same harness runs against bare `cucumber-js` on one scenario with one empty plain-JS step, in a ' +
    'folder without a cucumber configuration: the floor of any cucumber run.',
  'startup-memory':
    'The peak resident memory (`process.resourceUsage().maxRSS` at exit, read by a module preloaded after ' +
    'the TypeScript loader) of the harness and of the hand-rolled project in the same runs; median over the ' +
    'runs.',
  'startup-first-scenario':
    'Informational: from spawning the process to the first `testCaseStarted` message (its timestamp in the ' +
    'message stream against the wall clock at spawn), harness vs the hand-rolled project, in the same runs. ' +
    'Tells how much of the wait is loading before the first scenario rather than the scenario and the exit.',
  'api-median-allure':
    'The median scenario of the generated API corpus (four kinds in turn: a lookup, a fresh number, a number ' +
    'two strangers reported — two accounts, two tokens, two reports and a lookup —, a health check), as the sum ' +
    "of its steps' and hooks' durations in the message stream (cucumber measures these to the microsecond). " +
    'Harness: `npm run spec -- --no-gate <corpus>` with its own steps, contract checks, exchange recording, ' +
    'Allure and its reports. Baseline: what a team gets for Allure without the harness — `cucumber-js` with ' +
    "the raw floor's plain-JS supertest steps plus the `allure-cucumberjs` formatter (its own writer) writing " +
    'Allure results into a folder. All runs against one standalone service (`sut/main.ts` on a free port; ' +
    'the harness through `BASE_URL`), the raw floor, the Allure run and the harness in turn, each round ' +
    'starting one further on. Median over the runs.',
  'api-per-scenario-allure':
    'The same runs: first scenario start to last scenario end, divided by the number of scenarios. Unlike the ' +
    'median it includes the work done between scenarios and steps (formatters, plugins, attachments) and the ' +
    'costly kind of scenario.',
  'api-median':
    'The same harness runs against the raw floor: `cucumber-js` with plain-JS supertest steps making the same ' +
    'HTTP calls and asserting only what each step says; no contract checks, no reporters (the message ' +
    'formatter to a file is the measuring instrument).',
  'api-per-scenario':
    'The same runs against the raw floor: first scenario start to last scenario end, per scenario.',
  'ui-median':
    'The median browser scenario (a verified business looked up in the web app; a malformed number refused), ' +
    'harness vs playwright-bdd running the same feature files against one standalone service in the same ' +
    'Chromium with the same flags (`chromiumArgs()`), one worker, the same context options and timeouts, ' +
    "traces recorded and kept on failure and a screenshot on failure — the harness's defaults. Harness: sum of " +
    "steps and hooks (context, page, trace); playwright-bdd: each test's duration from its JSON reporter " +
    '(fixtures included).',
  'ui-per-scenario': 'The same runs: first scenario start to last scenario end, per scenario.',
  'parallel-speed-up':
    'The API corpus run by the harness with `WORKERS=1` and `WORKERS=2` (each worker with its own embedded ' +
    'service, the default), spawn to exit; the ratio is the speed-up (1 worker ÷ 2 workers).',
  'reports-small':
    '`npm run docs` (living documentation; builds the traceability matrix; loads the step definitions for ' +
    'the glossary) and `npm run gate` (reads the message stream, builds traceability and contract coverage, ' +
    'writes gate.json, junit.xml, summary.md) over generated results: feature files of five Rules each tagged ' +
    'with an active requirement, run once through cucumber-js with steps that pass at once and attach the ' +
    'exchange records the harness would (so the message stream, results.json, contract coverage and ' +
    "traceability come from the harness's own results plugin). Time: the two commands' wall time added; " +
    'memory: the larger peak resident set (`process.resourceUsage().maxRSS` at exit).',
  'reports-medium': 'As above, at the middle size.',
  'reports-large': 'As above, at the largest size: the goal is on this one.',
  'reports-time-growth':
    'Linearity: what 1,000 more scenarios cost between the middle and the largest size, against what they ' +
    'cost between the smallest and the middle one. Linear growth gives 1×, quadratic about 2.3×; met when ' +
    '≤ 1.5× (or within 10 % of the largest figure, for noise).',
  'reports-memory-growth': 'The same for the peak memory.',
  'contract-p50':
    "The harness's `ContractInspector.inspect` timed with `process.hrtime` on real exchanges (every " +
    "operation of the service, success and error responses, made through the harness's HTTP client against " +
    'its embedded service), after a warm-up round; baseline: the round trip of the same calls.',
  'contract-p95': 'The 95th percentile of the same.',
  'contract-compilations':
    'Validators made (`SchemaValidators.compilations`: compiled, or loaded from the disk cache) during the ' +
    'measured checks after the warm-up round: every schema gets its validator once per direction, kept for ' +
    'the process (and on disk, as Ajv standalone code, for the next one).',
  'redaction-p50':
    'What redaction costs per exchange, on the same real exchanges: a `Redactor` per round of calls (one ' +
    "account; its password given as a secret, as `{{$password}}` is) learns each exchange's secrets (the " +
    'token issued) and writes the redacted text of the record that is attached (its JSON, with the curl ' +
    'line), timed with `process.hrtime`. At most 5 % of a ' +
    "round trip means at most 5 % of an API scenario's time, which is longer than its round trips.",
};
