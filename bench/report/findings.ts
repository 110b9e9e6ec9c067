import type { RowId } from './rows';

/** Why a goal is missed and what meeting it would take, from profiling the harness (see FINDINGS). */
export const WHY_MISSED: Partial<Record<RowId, string>> = {
  'startup-wall-hand-rolled':
    'Both load cucumber-js and supertest; the hand-rolled project also loads TypeScript for ts-node, the ' +
    'harness does not (Sucrase, cached by content). What is left is the harness itself: about 1,000 modules ' +
    'against a few hundred, about 150 step definitions against one, the preflight dry run, the Allure ' +
    'reporter, the results plugin and the progress formatter, and the first response checked against the ' +
    'contract (finding 2). Meeting 1.0× would take loading less per run: compiling the harness and its ' +
    "dependencies into fewer modules, or Node 22's compile cache.",
  'startup-wall-bare':
    'The bare run loads cucumber and one JS step; the harness adds, on top of that floor, its own modules ' +
    'and their dependencies (supertest, Ajv, Allure), about 150 step definitions, the contract, the ' +
    'preflight dry run, the embedded service, its formatters and results plugin (finding 2).',
  'startup-memory':
    "On top of the hand-rolled project's cucumber-js and supertest, the harness's process holds the parsed " +
    'contract and its compiled validators, the embedded service on its own thread, the Allure reporter and ' +
    'its writer thread, the results model and the message stream it collects.',
  'api-median-allure':
    'What the harness adds inside a scenario beyond what Allure costs: the contract check (microseconds), ' +
    'redacting and recording every exchange as an attachment — which Allure then writes as files of its own ' +
    '— and, in a one-worker run, the message formatter and the results plugin handling each attachment as it ' +
    "is made (findings 1 and 3). The harness's Allure writer works on a thread of its own, the hand-rolled " +
    "run's writes in the steps' process.",
  'api-per-scenario-allure':
    'Between and inside scenarios: the exchange attachments (Allure files, pretty-printed, carried by every ' +
    'formatter), the per-step metadata attachments, the message formatter, the results plugin and the ' +
    'progress formatter, none of which the hand-rolled Allure run has (findings 1 and 3).',
  'api-median':
    'What the harness adds inside a scenario: the contract check (microseconds), redacting and recording ' +
    "every exchange as an attachment, and — in a one-worker run, where cucumber's formatters run in the same " +
    'process — the Allure formatter, the message formatter and the results plugin handling each attachment ' +
    'as it is made (finding 1). The raw floor has no reporter at all.',
  'api-per-scenario':
    'Between and inside scenarios: about 5.5 Allure files per API scenario (result, containers, one ' +
    'attachment per exchange), pretty-printed exchange attachments carried by every formatter, and the ' +
    'per-step metadata attachments (findings 1 and 3).',
  'ui-median':
    'At parity within the noise of two cores shared with Chromium: 0.93×, 0.96× and 1.05× in three full runs ' +
    'on this machine. What the harness adds per scenario is the route interception that checks the ' +
    'page\u2019s API calls against the contract and the trace it keeps for failures; the trace is ' +
    'the same in the playwright-bdd configuration.',
  'ui-per-scenario': 'As for the median.',
  'parallel-speed-up':
    'Not reachable on two cores: one worker already uses about 1.6 cores (its main thread, the Allure ' +
    'writer thread, libuv and garbage collection: `time` shows 159 % CPU), so two cores give at most ' +
    '2 ÷ 1.6 = 1.25× over it; a second worker has no core of its own, and pays its own start-up and the ' +
    'IPC of every message to the coordinator (finding 4). ' +
    'On four cores or more the workers have cores to run on.',
  'reports-large':
    'Missed, mostly by the living docs: rendered as static HTML (every page of every ' +
    'capability, feature and requirement, about 11 MB at 5,000 scenarios) they take about 3 s on their own. The ' +
    'gate reads the results model the run computed instead of the message stream (1.2–1.6 s, from 2.3 s), ' +
    'most of it the secret scan over every report. Both commands pay the harness\u2019s start-up (finding 2); ' +
    'docs loads every step definition to list the step vocabulary.',
  'reports-time-growth':
    'Each size is two processes whose fixed start-up (about a second each) dwarfs the increment; a ' +
    'verdict against linearity at these sizes is usually noise — compare the time at each size.',
};

/** What profiling the harness showed, what was fixed, and what is left, ranked by expected gain. */
export const FINDINGS = `Profiles taken with \`node --cpu-prof\` on the start-up run, on the 1,000-scenario API run (serial and
\`WORKERS=2\`) and on \`docs\`/\`gate\` at 5,000 scenarios, plus runs with parts switched off through a copy of
\`cucumber.cjs\` passed with \`--config\`. On this machine \`node --cpu-prof\` attributes waiting for a core to
whatever was running, so the profiles were read together with \`/usr/bin/time\` (user, system, % CPU).

Fixed (the figures above are after these):

- **Allure's writer fsynced every file, synchronously, in the coordinator** (\`FileSystemWriter\`), inside
  the steps of a one-worker run: a third of an API run. \`support/report/allure-writer.ts\` now hands every
  file to a thread of its own (temporary name, then rename: no half files); the results plugin waits for it
  at the end of the run. API time per scenario went from about 14 to 6 ms.
- **The progress formatter wrote one character per step**, and a write to a pipe (a CI log) is synchronous
  on Linux: about 0.8 s per 1,000 scenarios in the coordinator. \`support/report/progress-formatter.cjs\`
  writes the same dots in batches.
- **Three Allure containers per API scenario**, one per hook: the After hooks are one now.
- **Start-up:** TypeScript transpiled by swc (now Sucrase, below) instead of TypeScript's own compiler (3.3 s to 1.3 s for one
  scenario); the contract and the requirement catalogue read once per process instead of three times;
  Ajv no longer compiles its meta-schema for the harness's own schemas; Playwright, the browser session,
  the zip scrubbing, the gate policy and cucumber's API loaded only when needed.
- **TypeScript without the TypeScript compiler** (\`support/register.cjs\`): ts-node loaded \`typescript.js\`
  in every process (to read tsconfig, even with swc) and transpiled every file on every start. The loader
  transpiles and keeps each file's JavaScript under the hash of its source: a process transpiles only what
  changed. It transpiles with Sucrase, which keeps every line where it was: stack traces name the \`.ts\`
  lines without source maps, which Node otherwise reads and decodes at every start (swc's, about 40 ms).
- **Derived inputs kept by content hash** (\`node_modules/.cache/sbe-harness\`): the dereferenced contract
  (V8 serialization, its \`$ref\` cycles kept; swagger-parser and js-yaml no longer loaded), the
  harness's own YAML files once they pass their schema, and its own schemas' validators as Ajv standalone
  code (about 80 ms of compiling per process).
- **The embedded service on a thread of its own**, started as soon as the run knows its scenarios run in
  its process: it loads and answers on the other core while cucumber prepares and runs.
- **Where packages resolve, remembered** (\`support/resolve-cache.cjs\`): Node looks for each of about 900
  node_modules files folder after folder (\`stat\`, \`package.json\` reads: about 170 ms of a start in the
  profile). What a package name resolves to is kept on disk and forgotten at every \`npm install\`:
  about 70 ms of wall time and 80 ms of CPU less per start (10 alternating runs each).
- **A new TCP connection for every call**: supertest (superagent) opens one per request unless given an
  agent; the profile of the 1,000-scenario run showed \`connect\` alone at about 0.5 s. The harness keeps
  its connections to the services open between calls (a keep-alive agent; a call that meets a kept
  connection the service has just closed goes again over a new one): about 1 s less for 1,000 scenarios,
  in the harness and in the service it calls.
- **The project file located only for messages**: the YAML parser no longer runs at every start to name
  where each service entry is.

Left, with what it would take:

1. **Allure itself.** Per API scenario it still writes about 5.5 files and builds its results from every
   message; without Allure a one-worker run takes about a third less time (\`time\`: 6.1 s instead of 8.5 s
   for 1,000 scenarios). It is a product feature; a run that does not want it can drop the formatter.
2. **What one scenario's start-up still costs.** A \`--cpu-prof\` of the one-scenario run (about 0.9 s of
   the main thread): loading about 1,000 modules (V8 compiling them, about 210 ms; resolving paths, about
   95 ms) — cucumber's API and its dependencies alone about 150 ms, as in any cucumber run; about 150 step
   definitions (cucumber compiles each expression and reads its location from a stack trace: about 80 ms;
   the hand-rolled project has one); the preflight's dry run; the Allure reporter, the results plugin and
   the progress formatter (about 40 ms); the first response's schema compiled (about 35 ms). Tried and
   dropped: V8's code cache for node_modules (\`vm.compileFunction\` with \`cachedData\`) saved about 60 ms of
   wall time and no CPU, and Node 20 loses the dynamic-import callback of a cached function (cucumber
   imports its plugins with \`import()\`). Node 22's \`module.enableCompileCache()\` is the supported way.
3. **Pretty-printed exchange attachments.** The message stream, the IPC, Allure, the results plugin and
   the gate all carry the indentation (messages.ndjson is about 38 MB at 5,000 scenarios). Kept because
   people read these attachments in Allure; compact JSON would lighten every consumer.
4. **Parallel on two cores.** One worker already uses 1.6 cores; a second competes for the same two, adds
   its own start-up (about a second) and the IPC of every message to the coordinator. No change to the
   harness makes two workers 1.3× faster on two cores (at most 2 ÷ 1.6 = 1.25× before those costs); on
   four the workers have cores to run on.
5. **Contract validation is not a cost.** About 8 µs per response at the median, under 1 % of the
   exchange's round trip, and no schema is compiled after the first response of each kind.`;
