import type { RowId } from './rows';

/** Why a goal is missed and what meeting it would take, from profiling the harness (see FINDINGS). */
export const WHY_MISSED: Partial<Record<RowId, string>> = {
  'startup-first-scenario':
    'Most of the gap is loading: ts-node (TypeScript itself and an swc transpile of every file on every ' +
    'start), Ajv compiling its meta-schema for each catalogue and policy file, modules an API run does not ' +
    'need (gate policy, browser session, zip scrubbing), and the contract and catalogue read three times. ' +
    'Meeting 1.3× over a one-step bare run means a compiled JS build and lazy loading of everything the ' +
    'first scenario does not use (findings 2–4).',
  'api-median':
    'Allure writes one file per exchange attachment, synchronously and with an fsync, inside the step that ' +
    'made the exchange (finding 1).',
  'api-per-scenario':
    'Allure: about 6.5 files per API scenario (result, a container per hook, an attachment per exchange), ' +
    'each opened, fsync-ed and renamed synchronously (finding 1); then the pretty-printed exchange ' +
    'attachments every formatter and the results plugin handle (finding 5).',
  'ui-median':
    'Close to parity and noisy on two cores shared with Chromium; the harness adds the route interception ' +
    'that checks the page’s API calls against the contract, and Allure’s synchronous writes (finding 1).',
  'ui-per-scenario': 'As for the median.',
  'parallel-speed-up':
    'The coordinator process is the bottleneck: Allure’s synchronous open/fsync of every result and ' +
    'attachment, the message formatter and the results plugin all run there, while the workers wait ' +
    '(finding 1); each worker also pays the full start-up (finding 2).',
  'reports-large':
    'Both commands pay the TypeScript start-up (finding 2); docs loads every step definition, hook and the ' +
    'World through cucumber only to list step patterns; the gate parses the whole message stream, mostly ' +
    'pretty-printed exchange attachments, and builds junit.xml with a DOM library (finding 6).',
  'reports-time-growth':
    'Each size is two processes whose fixed start-up (about a second each) dwarfs the increment; a ' +
    'verdict against linearity at these sizes is usually noise — compare the time at each size.',
};

/** What profiling the harness showed, ranked by expected gain. */
export const FINDINGS = `Profiles taken with \`node --cpu-prof\` on the start-up run, on the 1,000-scenario API run (serial and
\`WORKERS=2\`) and on \`docs\`/\`gate\` at 5,000 scenarios, plus runs with parts switched off through a copy of
\`cucumber.cjs\` passed with \`--config\` (figures from one such session on this machine, 1,000 API scenarios
against the standalone service).

1. **Allure's writer fsyncs every file, synchronously, in the coordinator** (\`allure-js-commons\`
   \`FileSystemWriter.writeAndFlushFile\`: open, write, \`fsyncSync\`, rename). \`fsync\` alone was 34 % of the
   samples of the serial API run (6.2 s of 18 s) and 4.5 s of it ran inside \`world.ts\` \`attachExchange\`,
   i.e. inside the steps; with two workers the coordinator spent 9.5 s of 15 s in \`open\`/\`fsync\` while the
   workers were idle 62 % of the time. Per API scenario Allure writes about 6.5 files: the result, one
   \`*-container.json\` per hook that ran, one attachment per exchange. Time per scenario: 16.6 ms as is,
   12.3 ms with a writer that does not fsync, 6.2 ms without Allure, 3.3 ms for the raw floor.
   *Fix:* \`cucumber.cjs\` — pass \`formatOptions.writer\` an **instance** of a small writer of our own
   (\`support/report/allure-writer.ts\`, same methods as \`FileSystemWriter\`), which writes without fsync and
   off the step: queue the writes and flush them asynchronously (\`fs.promises\`), awaiting the queue at
   \`testRunFinished\`. (allure-cucumberjs spreads its options after its default writer, so an instance
   replaces it; a module path does not work, its ESM build has no \`require\`.) Also \`support/cucumber/hooks.ts\`:
   tag the "Close the browser page" After hook \`@ui\` and fold "Watch the service" into "Start the scenario",
   so API scenarios have one hook and one Allure container instead of three. Expected: the API
   per-scenario ratio from about 5× to between the no-fsync (3.7×) and the no-Allure (1.9×) figures, a
   median no longer paying for file writes inside steps, and a coordinator free for parallel runs.
2. **TypeScript at run time.** Every process (\`spec\`, each worker, \`docs\`, \`gate\`) loads \`typescript.js\`
   (ts-node needs it even in swc mode, about 130 ms) and transpiles every file again with swc (about 105 ms
   of CPU at start-up: no cache). *Fix:* build once to JavaScript (\`tsc -p tsconfig.build.json\` to
   \`dist/\`, the npm scripts and \`cucumber.cjs\` pointing at \`dist/\`, \`npm run build\` before them), or a
   register hook with an on-disk cache. Expected: −250 ms per process.
3. **Ajv meta-schema compiled again and again.** Each \`new Ajv()\` that compiles a schema first compiles
   the draft-07 meta-schema (\`_compileMetaSchema\`, about 80 ms of the start-up profile).
   \`support/trace/requirements.ts\` does it on every \`loadRequirements\`, which runs three times per run
   (\`spec.ts\`, the results plugin, the worker's \`BeforeAll\`), and \`support/gate/policy.ts\` once more.
   *Fix:* one module-level validator built with \`new Ajv({ validateSchema: false })\` (the schemas are the
   harness's own), and memoise \`loadRequirements\` and \`loadContract\` (\`support/contract/load.ts\`) per file
   and process. Expected: −100 to −150 ms at start-up, more with workers.
4. **Modules a run does not need.** \`support/cli/spec.ts\` imports \`support/gate/policy.ts\` (yaml, Ajv;
   about 55 ms) even with \`--no-gate\`: import it after the run, as \`run-gate\` already is.
   \`support/cucumber/world.ts\` imports \`support/browser/browser-session.ts\` and \`hooks.ts\` imports
   \`support/report/scrub-zip.ts\` (jszip) in API-only runs: import them where a page is first opened or a
   trace is scrubbed. Expected: −70 to −100 ms.
5. **Pretty-printed exchange attachments.** \`world.ts\` \`attachExchange\` attaches
   \`JSON.stringify(record, null, 2)\`: the message stream, the worker→coordinator IPC, Allure, the results
   plugin and later the gate all carry and parse the indentation (messages.ndjson is 38 MB at 5,000
   scenarios, mostly exchange attachments). *Fix:* attach compact JSON (viewers indent it themselves).
   Expected: a smaller stream, a lighter coordinator, a faster gate.
6. **Reports at scale.** \`gate\` at 5,000 scenarios: reading messages.ndjson about 470 ms, \`junitXml\` with
   xmlbuilder2 about 230 ms, module loading about 350 ms. \`docs\`: cucumber's \`loadSupport\` of every step
   file, hook and the World (about 340 ms) only to list step patterns for the glossary. *Fix:*
   \`support/gate/outputs.ts\` — write junit.xml with escaped string templates; \`support/cli/docs.ts\` — load
   only \`steps/**\` for the glossary (not \`support/cucumber/**\`); plus findings 2 and 5. Growth itself is
   linear: memory rises about 13–17 MB and time a few hundred ms per 1,000 scenarios.
7. **Contract validation is not a cost.** About 8 µs per response at the median, under 1 % of the exchange's
   round trip, and no schema is compiled after the first response of each kind.`;
