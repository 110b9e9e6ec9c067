// The layers of the harness, enforced by `npm run lint` (dependency-cruiser; support/README.md draws
// them). Three kinds of rule: no cycles (between modules, and between support's folders), no import
// from a lower layer to a higher one, and cucumber only where the harness meets cucumber.

/** support/'s layers, lowest first: a module imports from its own layer or those below it. */
const LAYERS = [
  {
    name: 'foundation',
    paths: [
      'support/(errors|isolation|service-watch)\\.ts$',
      'support/(register|resolve-cache)\\.cjs$',
      'support/(generated|domain|tags|http|config|gherkin|trace)/',
    ],
  },
  { name: 'contract', paths: ['support/(contract|services)/'] },
  {
    name: 'drivers and outputs',
    paths: [
      'support/(expect|target|embedded-service)\\.ts$',
      'support/(api|ui|browser|report|starter|mock)/',
    ],
  },
  { name: 'run', paths: ['support/(results|actors|security|lint)/'] },
  { name: 'verdicts', paths: ['support/(impact|gate|preflight|docs)/'] },
  { name: 'entries', paths: ['support/(index|worker)\\.ts$', 'support/(cli|cucumber|setup)/'] },
];

const anyOf = (paths) => `^(${paths.join('|')})`;

/** One rule per layer: nothing in it imports from a layer above. */
const layerRules = LAYERS.slice(0, -1).map((layer, index) => ({
  name: `layer-${layer.name.replace(/ /g, '-')}`,
  comment: `support's ${layer.name} layer imports nothing from the layers above it (${LAYERS.slice(index + 1)
    .map((above) => above.name)
    .join(', ')}): see support/README.md`,
  severity: 'error',
  from: { path: anyOf(layer.paths) },
  to: { path: anyOf(LAYERS.slice(index + 1).flatMap((above) => above.paths)) },
}));

/**
 * Where `@cucumber/cucumber` may be imported: the cucumber layer, the step files, the step author's
 * entry, and the modules that run cucumber or plug into it. Anything else stays usable without it.
 */
const CUCUMBER_ALLOWED = [
  'support/cucumber/', // the World, hooks, generic steps and step helpers
  'steps/',
  'support/index\\.ts$', // the step keywords typed with the World, for step authors
  'support/cli/(spec|docs)\\.ts$', // runCucumber, loadSupport (the glossary's step definitions)
  'support/preflight/(preflight|command-line)\\.ts$', // loadConfiguration, the dry run, cucumber's own argv parser
  'support/results/plugin\\.ts$', // the results plugin (cucumber's Plugin type)
  'support/report/progress-formatter\\.cjs$', // cucumber formatters
  'support/report/progress-bar-formatter\\.mjs$',
  'support/results/allure-formatter\\.cjs$',
  'bench/', // the benchmarks run raw cucumber to compare with
];

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'a module never reaches itself through its imports (type-only imports count too)',
      severity: 'error',
      // The generated models import their index and it them (openapi-generator's output, not ours).
      from: { pathNot: '^support/generated/' },
      to: { circular: true },
    },
    {
      name: 'no-folder-cycle',
      comment: "support's folders depend on one another without a cycle",
      severity: 'error',
      scope: 'folder',
      from: { path: '^support/', pathNot: '^support/generated/' },
      to: { circular: true },
    },
    ...layerRules,
    {
      name: 'support-module-in-a-layer',
      comment:
        "every module of support/ belongs to a layer: a new folder goes into LAYERS (and support/README.md's picture)",
      severity: 'error',
      from: { path: '^support/', pathNot: anyOf(LAYERS.flatMap((layer) => layer.paths)) },
      to: {},
    },
    {
      name: 'support-not-to-steps-test-bench',
      comment: 'the harness does not depend on its step files, its tests or its benchmarks',
      severity: 'error',
      from: { path: '^support/' },
      to: { path: '^(steps|test|bench)/' },
    },
    {
      name: 'steps-through-the-entry',
      comment: 'step files import the harness from its one entry, support/index.ts, never from deeper paths',
      severity: 'error',
      from: { path: '^steps/' },
      to: { path: '^support/', pathNot: '^support/index\\.ts$' },
    },
    {
      name: 'sut-stands-alone',
      comment: 'the embedded service knows nothing of the harness that tests it',
      severity: 'error',
      from: { path: '^sut/' },
      to: { path: '^(support|steps|test|bench)/' },
    },
    {
      name: 'bench-not-to-test',
      comment: "the benchmarks do not import the harness's tests or their helpers",
      severity: 'error',
      from: { path: '^bench/' },
      to: { path: '^test/' },
    },
    {
      name: 'cucumber-only-where-allowed',
      comment: `@cucumber/cucumber is imported only by: ${CUCUMBER_ALLOWED.join(', ')}`,
      severity: 'error',
      from: { pathNot: anyOf(CUCUMBER_ALLOWED) },
      to: { path: '(^|/)node_modules/@cucumber/cucumber/' },
    },
    {
      name: 'no-private-cucumber',
      comment: "only @cucumber/cucumber's public entries (the package and /api), never its lib/... files",
      severity: 'error',
      from: {},
      to: {
        path: '(^|/)node_modules/@cucumber/cucumber/lib/',
        pathNot: '(^|/)node_modules/@cucumber/cucumber/lib/(index|api/index)\\.(js|d\\.ts)$',
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['require', 'node', 'default', 'types'],
    },
    // The UI's browser scripts import nothing of the harness.
    exclude: { path: '^(sut/ui|support/docs/site)/' },
  },
};
