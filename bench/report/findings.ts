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
    'contract and its compiled validators, the embedded service on its own thread, and the reporting ' +
    'thread (the message stream, the results model, Allure) with its own heap.',
  'api-median-allure':
    'Within the noise of this machine, both ways. Three rounds of the same three runs, timed apart: the ' +
    "Allure run's median was 1.13\u20131.43\u00d7 the raw floor's, the harness's 0.98\u20131.27\u00d7. " +
    'The median of this corpus lies among its slower one-request scenarios (three kinds of the four make ' +
    'one request, so the median is about the 67th percentile of those), and there the time is the ' +
    "service's answer: in the slowest quarter of the harness's one-request scenarios the request step took " +
    'about 3 ms against 0.9 ms in the rest, and the floor\u2019s slowest quarter looks the same. What the ' +
    'harness adds inside such a scenario is tens of microseconds: its Before hook (about 15 µs), the ' +
    'contract check (row 6), recording the exchange (row 7) and the typed reading of the response in its ' +
    'steps; its kept connections save more than that on the request. allure-cucumberjs adds its own work ' +
    'between the steps (finding 1).',
  'api-per-scenario-allure':
    'Within the noise of this machine: the cost left is the coordinator writing each message as its line ' +
    "of the stream and handing it over, and the reporting thread's work, which yields the cores to the " +
    'scenarios and the service but still takes them when they are free (finding 1).',
  'api-median':
    'As for the row against Allure: the median lies among the slower one-request scenarios, where the time ' +
    "is the service's answer and moves with the machine; the harness's own work inside a scenario is tens " +
    'of microseconds (its Before hook, the contract check, recording the exchange, its typed steps) (finding 1).',
  'api-per-scenario':
    "Within the noise of this machine: the exchange attachments and the reporting thread's work (about 5.5 " +
    'Allure files per scenario), which yields the cores to the scenarios but still takes them (finding 1).',
  'ui-median':
    'At parity within the noise of two cores shared with Chromium: 0.93×, 0.96× and 1.05× in three full runs ' +
    'on this machine. What the harness adds per scenario is the route interception that checks the ' +
    'page\u2019s API calls against the contract and the trace it keeps for failures; the trace is ' +
    'the same in the playwright-bdd configuration.',
  'ui-per-scenario': 'As for the median.',
  'parallel-speed-up':
    'Not reachable on two cores: one worker already keeps 1.6 to 1.8 cores busy (its main thread, the ' +
    "reporting thread, the embedded service's thread, garbage collection: `time` shows 161–180 % CPU for " +
    'the 1,000 scenarios), so two cores give at most 2 ÷ 1.7 ≈ 1.2× over it before any cost of a second ' +
    'worker; and a second worker costs: 15–19 s of CPU for the run against 9–12 s with one (each worker ' +
    'starts its own cucumber, step definitions and embedded service, and sends every message to the ' +
    'coordinator, which parses it) (finding 4). `WORKERS=auto` therefore picks one worker on two cores; on ' +
    'four or more the workers have cores to run on.',
  'reports-large':
    'On the line, and it moves with the machine: the gate alone took 0.72 s one day and 1.15 s the next on ' +
    'the same code and corpus. About two thirds is the living docs, rendered as static HTML (every page of ' +
    'every capability, feature and requirement, about 11 MB at 5,000 scenarios; about 1.9 s), the rest the ' +
    'gate, most of it the secret scan over every report (now beside the reading of the model). Both ' +
    'commands pay the harness\u2019s start-up (finding 2); docs loads every step definition to list the ' +
    'step vocabulary. A margin would take rendering the docs\u2019 pages on more than one core, or the gate ' +
    'scanning only what the run wrote since the last scan.',
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

- **The run's reporting in the coordinator, which every scenario waited on.** Allure's writer fsynced
  every file synchronously (a third of an API run: moved to a writer thread, API time per scenario from
  about 14 to 6 ms); then allure-cucumberjs building its results from every message, the message stream
  and the results model still took about a third of the coordinator's time. All of it now runs on one
  reporting thread (\`support/results/reporting-thread.ts\`): the coordinator writes each message as its
  line of the stream (the one JSON encoding it needs anyway) and hands a scenario's lines over at its
  end; the thread writes messages.ndjson, builds the results model and runs allure-cucumberjs's own
  reporter on them. Handing over the messages as objects instead cost as much as it saved (structured
  cloning: about 0.3 ms per scenario). API time per scenario: about 5.2 → 4.0 ms (alternating runs).
- **Every step and hook returned a promise.** The harness's redaction wrapper (around every step and hook,
  so that what they fail with or print has the scenario's secrets redacted) was an \`async\` function, and
  its Before, AfterStep and After hooks awaited even when there was nothing to wait for. For each promise
  cucumber starts a timeout timer, a race and an uncaught-exception handler: about 20 µs a step or hook
  on this machine, five to eight times a scenario. A definition that returns no promise now stays
  synchronous (\`support/cucumber/redact-steps.ts\`), and the hooks return none for an API scenario against
  a deployed service. A trivial assertion step: about 60 → 40 µs, the floor's 35 µs; the 1,000-scenario
  API run, 4 alternating pairs: median scenario 0.10–0.33 ms less, time per scenario 0.3–0.8 ms less.
- **The contract's validators compiled in every process.** They are now kept on disk as Ajv standalone
  code by the hash of the JSON Schema each was compiled from (\`support/config/standalone-validator.ts\`,
  shared with the harness's own schemas), and a run whose validators are all kept never loads Ajv (about
  40 ms to load, 35 ms for the first responses' schemas). One scenario: about 70 ms sooner (8 alternating
  runs each).
- **Memory at 10,000 scenarios, over 300 MB.** When scenarios run in workers, the coordinator's heap grows
  15 % over what it keeps before V8 collects again (\`--heap-growing-percent\`, set at run time:
  \`support/results/relay-heap.ts\`): V8's own factor for a heap allocating as fast as the coordinator
  loading the run's scenarios is up to 4×, and its heap reached 180 MB around the 85 MB it kept — the
  run's peak. The reporting thread's young generation is 12 MB (25 MB less resident, no slower in
  alternating runs). results.json and the other JSON reports are written piece by piece through one
  buffer (results.json was one string of tens of megabytes, then garbage in the old generation), flaky
  attempts are found reading one Allure result at a time (all 10,000 were parsed at once), and the
  preflight's plan of the run is let go before the run. Peak resident memory: about 350 → 288 MB.
- **A rerun waited for the previous run's Allure results to be deleted** (about 55,000 files after 10,000
  scenarios, 1.2 s before the first scenario): they are moved aside with one rename and deleted by a
  process of their own while the run goes on (18 ms).
- **The reporting thread loaded 289 modules at every start** (the Gherkin parser through the corpus
  module, @cucumber/messages' message classes with class-transformer for two enums, lodash for one
  \`pick\`): now 92 (\`support/gherkin/load-corpus.ts\` holds the parser, \`support/gherkin/message-values.ts\`
  the enums, also stood in for allure-cucumberjs on the thread). One scenario: about 0.19 s less CPU and
  0.12 s less wall time (8 alternating runs each).
- **Cucumber's ids were ropes.** Node 20's \`crypto.randomUUID()\` builds its 36 characters as about twenty
  joined pieces, about 490 bytes of heap until something flattens them, against about 60; cucumber names
  every pickle, step, test case and attempt with one and the coordinator keeps them. A heap snapshot after
  the dry run of 10,000 scenarios: 29 MB of its 126 MB. \`npm run spec\` flattens them as they are made
  (\`support/results/flat-ids.ts\`): 100 MB.
- **allure-js-commons kept every step of the run** (3.12: its state and its step stack never drop a step,
  its attachments with it): about 1.7 kB a scenario, most of what the reporting thread grew by. The
  harness's subclass lets a step go once it stopped (\`support/report/titled-allure-reporter.cjs\`): the
  thread's heap at the end of 10,000 scenarios 93 → 54 MB.
- **The living docs' static pages were joined at every level** of about 100,000 elements at 5,000
  scenarios: now written onto one list and joined once (the same bytes), and Allure's project name, which
  allure-js-commons finds with a \`stat\` at every call, is looked up once per folder.
- **The living docs built every page before writing any**: the elements of all pages (about 100,000 at
  5,000 scenarios) outlived V8's young generation, and collecting them was a quarter of \`npm run docs\`.
  The page script now hands each page over as it builds it (\`staticBuild(emit)\`), written at once; the
  page's data is encoded once, not twice. 5,000 scenarios: about 2.25 → 1.95 s, peak 296 → 240 MB, the
  same HTML.
- **The scenarios waited behind their own reporting.** With the scenarios in the coordinator, its
  reporting thread (about 2.6 ms of CPU a scenario, two thirds of it writing about 5.5 Allure files) ran
  at the scenarios' priority, and on two cores the main thread and the service under test waited for a
  core behind it: the slow tail of the one-request scenarios. The thread now yields to them (nice 10:
  \`support/config/thread-priority.ts\`, Linux) and, with a core to spare, keeps up. 1,000 API scenarios, 5
  alternating pairs: median scenario 1.16 → 1.09 ms, time per scenario 3.65 → 3.27 ms, and steadier
  (1.06–1.10 ms against 1.07–1.50). Not when the scenarios run in workers, nor on one core (counted
  with a container's CPU limit): there it fell behind their messages, which wait in its memory
  (\`npm run bench:scale\`: 296 against 287 MB at the peak; 3,000 scenarios on one core: 654 of them
  in the stream when the last had run).
- **The gate scanned the reports for secrets, then built junit.xml, one after the other**: the scan
  (every report read and searched, about 50 MB at 5,000 scenarios) now runs on a thread of its own
  (\`support/report/scan-aside.ts\`) while the gate reads the run's model and builds junit.xml's suites of
  the scenarios, which do not wait for the verdict. 5,000 scenarios, 5 alternating runs: about 1.17 →
  0.99 s, the same files.
- **A one-scenario run waited for its reporting thread at its end** (about 40 ms idle in the profile):
  the thread loaded its code only when the run began. It now starts beside the embedded service, as
  soon as the run is known, and takes the run when it begins; git is asked for the commit once, without
  waiting, and the thread is told it (it ran \`git rev-parse\` again at the end of the run). One
  scenario, 10 alternating runs: about 950 → 855 ms.
- **Every scenario's Before hook lower-cased the secret names** of the configuration for its Redactor and
  worked out its feature's folder (about 17 of its 30 µs, timed part by part inside the run): the names
  are lower-cased once per configuration, the folder when a step asks for it.
- **Allure's requirement links and operation labels were attachments of every scenario** (its Before and
  AfterStep hooks): now the reporting thread tells them to allure-cucumberjs from the pickles and the
  exchange records it sees anyway (\`support/report/allure-scenario-metadata.ts\`).
- **Every string of an exchange record was redacted by value, then its attachment's text again.** The
  record is now redacted by name (secret fields, headers, parameters), and its JSON text once by value
  (\`Redactor.recordText\`): every form a secret takes in a JSON string is among those looked for.
- **Redaction compiled a regular expression of a scenario's secrets** every time it learned one (a new
  account's password, each token issued): now it looks for them as plain strings. In the profile of the
  1,000-scenario run, \`Redactor.text\` went from about 210 to 60 ms.
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
  code (about 80 ms of compiling per process); the contract's validators too (above).
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

1. **The reporting thread's work is still work.** It writes about 5.5 Allure files per API scenario
   (result, containers, one attachment per exchange; creating them is most of its time) and parses every
   line of the stream: about 2.6 ms of CPU a scenario. Beside the scenarios it now yields the cores to
   them (above); with workers it competes with them for two cores. Fewer files (one Allure container per
   scenario instead of one per hook) would lighten it.
2. **What one scenario's start-up still costs.** A \`--cpu-prof\` of the one-scenario run (about 0.9 s of
   the main thread): loading about 1,000 modules (V8 compiling them, about 210 ms; resolving paths, about
   95 ms) — cucumber's API and its dependencies alone about 150 ms, as in any cucumber run; about 150 step
   definitions (cucumber compiles each expression and reads its location from a stack trace: about 80 ms;
   the hand-rolled project has one); the preflight's dry run; the Allure reporter, the results plugin and
   the progress formatter (about 40 ms). Tried and
   dropped: V8's code cache for node_modules (\`vm.compileFunction\` with \`cachedData\`) saved about 60 ms of
   wall time and no CPU, and Node 20 loses the dynamic-import callback of a cached function (cucumber
   imports its plugins with \`import()\`). Node 22's \`module.enableCompileCache()\` is the supported way.
3. **Pretty-printed exchange attachments.** The message stream, the IPC, Allure, the results plugin and
   the gate all carry the indentation (messages.ndjson is about 38 MB at 5,000 scenarios). Kept because
   people read these attachments in Allure; compact JSON would lighten every consumer.
4. **Parallel on two cores.** One worker already keeps 1.6 to 1.8 cores busy; a second competes for the
   same two, adds its own start-up and the IPC of every message to the coordinator: the two-worker run
   takes 15–19 s of CPU against 9–12 s for one (\`/usr/bin/time\`). No change to the harness makes two
   workers 1.3× faster on two cores; on four the workers have cores to run on.
5. **Contract validation is not a cost.** About 8 µs per response at the median, under 1 % of the
   exchange's round trip; no schema is compiled after the first response of each kind, and none at all
   once the contract's validators are on disk.
6. **Memory at 10,000 scenarios** (\`npm run bench:scale\`, docs/SCALE.md): met, with little to spare. The
   coordinator's heap, its reporting thread included, does not grow over the second half of the run (the
   ids and Allure's steps above). Its peak, about 290 MB, is where the real run starts: the main thread
   loads the run's scenarios again after the preflight's dry run (its live heap about 90 MB there, 67 MB
   after) while the reporting thread starts and takes the first messages. Through the run it sits at
   about 280 MB, with or without the bench's forced garbage collection every half second (sampled from
   \`/proc\` without it: the same). Of that, about 135 MB is live heap in its two threads and about 50 MB
   Node's own code; the rest is what the heaps keep committed, the young generations and the IPC buffers.
   More room would take a preflight that checks steps without a second cucumber run, or results written
   to disk scenario by scenario instead of a model kept for the end.`;
