// @ts-check
// The living documentation's page script. It renders the model embedded in the page (no server,
// opens from file://). Text goes in through textContent only; the one exception is markdown
// rendered at build time with raw HTML disabled (fields ending in "Html"). Checked by tsc against
// the docs model's types (support/docs/site/tsconfig.json).

/** @typedef {import('../site-data').SiteData} SiteData */
/** @typedef {import('../../results/status').DocStatus} DocStatus */
/** @typedef {import('../model').FeatureDoc} FeatureDoc */
/** @typedef {import('../model').ScenarioDoc} ScenarioDoc */
/** @typedef {import('../model').ExamplesDoc} ExamplesDoc */
/** @typedef {ExamplesDoc['rows'][number]} ExampleRow */
/** @typedef {import('../model').StepDoc} StepDoc */
/** @typedef {import('../model').RanStepDoc} RanStepDoc */
/** @typedef {import('../history').HistoryPoint} HistoryPoint */
/** @typedef {import('../../results/traceability').TracedRequirement} TracedRequirement */
/** @typedef {import('../../results/traceability').LayerResult} LayerResult */
/** @typedef {import('../../results/coverage').CoverageEntry} CoverageEntry */
/** @typedef {import('../glossary').StepUsage} StepUsage */
/** @typedef {import('../what-changed').WhatChangedDoc} WhatChangedDoc */

/**
 * The element of the page with this id: the page has every one the script uses.
 * @param {string} id
 * @returns {HTMLElement}
 */
function byId(id) {
  const element = document.getElementById(id);
  if (!element) throw new Error(`The page has no element #${id}`);
  return element;
}

/** @type {SiteData} */
const model = JSON.parse(byId('docs-data').textContent ?? '');

/**
 * The statuses in the order the page lists them, from the status vocabulary the build embeds with
 * the model (support/docs/site-data.ts, made from support/results/status.ts): no copy of it here.
 */
const STATUSES = model.vocabulary.shown;
/** @type {Record<DocStatus, string>} */
const STATUS_LABELS = {
  passed: 'passed',
  failed: 'failed',
  pending: 'pending',
  skipped: 'skipped',
  'not-run': 'not run',
};
/** @type {Record<DocStatus, string>} */
const ZH_STATUS_LABELS = {
  passed: '通過',
  failed: '失敗',
  pending: '待定',
  skipped: '略過',
  'not-run': '未執行',
};
/**
 * @typedef {object} Labels
 * @property {Record<DocStatus, string>} status
 * @property {string} flaky
 * @property {string} flakyTitle
 * @property {string} latest
 * @property {string} result
 * @property {string} why
 * @property {(line: number) => string} row
 * @property {string} details
 * @property {string} failedHere
 * @property {string} skippedAfter
 * @property {string} noMatch
 * @property {(count: number) => string} lastRuns
 * @property {(status: DocStatus, at: string) => string} since
 */
/**
 * The page's own words on a feature page, in the feature's language when there is a translation
 * (English otherwise, marked so). Every label of a feature page comes from here.
 * @type {{ en: Labels } & Partial<Record<string, Labels>>}
 */
const LABELS = {
  en: {
    status: STATUS_LABELS,
    flaky: 'flaky',
    flakyTitle: 'Passed only on a retry: it failed at first',
    latest: 'Latest result',
    result: 'result',
    why: 'Why it failed',
    row: (line) => `Row on line ${line}`,
    details: 'Details (the full message)',
    failedHere: 'failed here',
    skippedAfter: 'skipped: an earlier step failed',
    noMatch: 'No scenario matches the filters.',
    lastRuns: (count) => `Last ${count} run${count === 1 ? '' : 's'}, oldest first`,
    since: (status, at) => `${STATUS_LABELS[status]} since ${at}`,
  },
  'zh-TW': {
    status: ZH_STATUS_LABELS,
    flaky: '不穩定',
    flakyTitle: '重試後才通過：第一次失敗',
    latest: '最新結果',
    result: '結果',
    why: '失敗原因',
    row: (line) => `第 ${line} 行的範例`,
    details: '詳細資訊（完整訊息）',
    failedHere: '在此失敗',
    skippedAfter: '略過：前一個步驟失敗',
    noMatch: '沒有符合篩選條件的場景。',
    lastRuns: (count) => `最近 ${count} 次執行，由舊到新`,
    since: (status, at) => `自 ${at} 起${ZH_STATUS_LABELS[status]}`,
  },
};
/**
 * The language the page's words are shown in for text written in `language`.
 * @param {string} [language]
 * @returns {string}
 */
const labelLanguage = (language) => (language && LABELS[language] ? language : 'en');
/** @param {string} [language] */
const labelsFor = (language) => (language && LABELS[language]) || LABELS.en;
/** @type {{ text: string, tag: string, statuses: Set<DocStatus> }} */
const filters = { text: '', tag: '', statuses: new Set(STATUSES) };

/**
 * A date as ISO 8601 in UTC, to the second: the same for every reader.
 * @param {string} value
 */
const isoDate = (value) => new Date(value).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * An element: attributes set unless null, undefined or false (`html` is markup rendered at build
 * time, a function a listener of the event its name says after `on`), then the children.
 * @param {string} tag
 * @param {Record<string, Attribute> | null} [attributes]
 * @param {...Child} children
 * @returns {HTMLElement}
 */
function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'html') element.innerHTML = String(value);
    else if (typeof value === 'function') element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  appendAll(element, children);
  return element;
}

/**
 * Appends children, nested arrays flattened as they come (`Array.prototype.flat` is slow on big pages).
 * @param {HTMLElement} element
 * @param {readonly Child[]} children
 */
function appendAll(element, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) appendAll(element, child);
    else element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** @param {string} uri */
const featureId = (uri) => uri.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
/** @param {string} ref `file:line` */
const refUri = (ref) => ref.replace(/:\d+$/, '');
/** @param {string} ref `file:line` */
const refLine = (ref) => ref.replace(/^.*:/, '');

const allFeatures = model.capabilities.flatMap((capability) => capability.features);
const LANGUAGES = new Map(allFeatures.map((feature) => [feature.uri, feature.language]));
/**
 * The language of the feature a `file:line` reference points into: text from it is marked so.
 * @param {string} ref
 */
const languageOf = (ref) => LANGUAGES.get(refUri(ref));
/**
 * A link to the scenario (or Examples row) a `file:line` reference points at, marked with its language.
 * @param {string} ref
 * @param {string} text
 */
const refLink = (ref, text) =>
  h('a', { href: `#/feature/${featureId(refUri(ref))}/${refLine(ref)}`, lang: languageOf(ref) }, text);
const REQUIREMENTS = new Map(model.requirements.map((requirement) => [requirement.id, requirement]));

// The page's own words are English, except on a feature page written in a language they are
// translated to (LABELS).
/**
 * @param {DocStatus} status
 * @param {string} [language]
 */
function badge(status, language) {
  const words = labelsFor(language);
  return h(
    'span',
    {
      class: `badge ${status}`,
      title: `${words.latest}: ${words.status[status]}`,
      lang: labelLanguage(language),
    },
    words.status[status],
  );
}

/**
 * @param {boolean} flaky
 * @param {string} [language]
 */
function flakyBadge(flaky, language) {
  const words = labelsFor(language);
  return flaky
    ? h('span', { class: 'badge flaky', title: words.flakyTitle, lang: labelLanguage(language) }, words.flaky)
    : null;
}

/**
 * "failed since 2026-…Z": how long the latest result has held.
 * @param {readonly [HistoryPoint, ...HistoryPoint[]]} history at least one run
 * @param {string} [language]
 */
function sinceText(history, language) {
  const latest = history[history.length - 1] ?? history[0];
  let since = latest;
  for (let index = history.length - 2; index >= 0; index -= 1) {
    const earlier = history[index];
    if (!earlier || earlier.status !== latest.status) break;
    since = earlier;
  }
  return labelsFor(language).since(latest.status, isoDate(since.at));
}

/**
 * Whether there is any history to show.
 * @param {readonly HistoryPoint[] | undefined} history
 * @returns {history is readonly [HistoryPoint, ...HistoryPoint[]]}
 */
const hasRuns = (history) => history !== undefined && history.length > 0;

/**
 * The last runs as a sparkline, oldest first: one mark per run, its date and result in its title.
 * Says since when the latest result holds. No history, no element.
 * @param {readonly HistoryPoint[] | undefined} history
 * @param {string} [language]
 */
function sparkline(history, language) {
  if (!hasRuns(history)) return null;
  const words = labelsFor(language);
  const since = sinceText(history, language);
  return h(
    'span',
    {
      class: 'history',
      role: 'img',
      lang: labelLanguage(language),
      'aria-label': `${words.lastRuns(history.length)}: ${history.map((run) => words.status[run.status]).join(', ')}; ${since}`,
      title: `${words.lastRuns(history.length)}; ${since}`,
    },
    history.map((run) =>
      h('span', {
        class: `tick ${run.status}`,
        title: `${isoDate(run.at)} ${words.status[run.status]}`,
      }),
    ),
  );
}

/**
 * Whether `result` is one of cucumber's statuses or NOT_RUN (what the vocabulary maps).
 * @param {string} result
 * @returns {result is keyof SiteData['vocabulary']['docStatus']}
 */
const isScenarioStatus = (result) => Object.hasOwn(model.vocabulary.docStatus, result);

/**
 * What a requirement's (or a scenario's) result shows as; none when it has no scenario. A result
 * the vocabulary does not know reads as not run.
 * @param {string} result
 * @returns {DocStatus | null}
 */
function requirementStatus(result) {
  if (result === 'NO_SCENARIO') return null;
  return isScenarioStatus(result) ? model.vocabulary.docStatus[result] : 'not-run';
}

/**
 * A requirement's result as a badge, or that no scenario proves it.
 * @param {string} result
 */
function resultBadge(result) {
  const status = requirementStatus(result);
  return status ? badge(status) : h('span', { class: 'badge none' }, 'no scenario');
}

/**
 * Why a layer is not proven, in words: its scenarios' result there, or that it has none.
 * @param {LayerResult} entry
 */
function layerReason(entry) {
  const status = requirementStatus(entry.result);
  return status ? STATUS_LABELS[status] : 'no scenario';
}

/**
 * One layer of a requirement: proven (a scenario there passed in the latest run) or why not.
 * @param {TracedRequirement} requirement
 * @returns {(entry: LayerResult) => HTMLElement}
 */
const layerChip = (requirement) => (entry) => {
  const proven = requirement.layersProven.includes(entry.layer);
  return h(
    'span',
    {
      class: `layer ${proven ? 'proven' : 'unproven'}`,
      title: proven
        ? `Proven: a scenario at the ${entry.layer} layer passed in the latest run`
        : `Not proven at the ${entry.layer} layer: ${layerReason(entry)}`,
    },
    proven ? `✔ ${entry.layer}` : `✘ ${entry.layer} (${layerReason(entry)})`,
  );
};

/** @param {TracedRequirement} requirement */
const neededLayers = (requirement) => requirement.layers.filter((entry) => entry.required);
/** @param {string} id */
const requirementHref = (id) => `#/requirement/${encodeURIComponent(id)}`;
/** @param {string} id */
const requirementLink = (id) => h('a', { href: requirementHref(id) }, id);

/**
 * A requirement's tag links to its page; other tags are plain chips. No tags, no element.
 * @param {readonly string[]} tags
 */
function tagChips(tags) {
  if (tags.length === 0) return null;
  return h(
    'span',
    { class: 'tags' },
    tags.map((tag) => {
      const requirement = REQUIREMENTS.get(tag.slice(1));
      return requirement
        ? h(
            'a',
            {
              class: 'tag requirement-tag',
              href: requirementHref(requirement.id),
              title: `${requirement.id} ${requirement.title}`,
            },
            tag,
          )
        : h('span', { class: 'tag' }, tag);
    }),
  );
}

/**
 * Quoted values and <placeholders> stand out in step text.
 * @param {string} text
 */
function stepText(text) {
  /** @type {(string | HTMLElement)[]} */
  const parts = [];
  const pattern = /("[^"]*"|<[^>]+>)/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const index = match.index ?? last;
    if (index > last) parts.push(text.slice(last, index));
    parts.push(h('span', { class: match[0].startsWith('<') ? 'placeholder' : 'value' }, match[0]));
    last = index + match[0].length;
  }
  parts.push(text.slice(last));
  return parts;
}

/**
 * A table whose first row is its header.
 * @param {readonly (readonly string[])[]} rows
 * @param {{ className?: string }} [options]
 */
function table(rows, options = {}) {
  const [header, ...body] = rows;
  return h(
    'table',
    { class: options.className || 'data' },
    header
      ? h(
          'thead',
          {},
          h(
            'tr',
            {},
            header.map((cell) => h('th', {}, cell)),
          ),
        )
      : null,
    h(
      'tbody',
      {},
      body.map((row) =>
        h(
          'tr',
          {},
          row.map((cell) => h('td', {}, cell)),
        ),
      ),
    ),
  );
}

/**
 * @param {readonly StepDoc[]} list
 * @param {readonly (DocStatus | undefined)[]} [marks] each step's result, when it ran
 */
function steps(list, marks) {
  return h(
    'ol',
    { class: 'steps' },
    list.map((step, index) =>
      h(
        'li',
        { class: marks && marks[index] ? `step ${marks[index]}` : null },
        h('span', { class: 'keyword' }, step.keyword),
        ' ',
        stepText(step.text),
        step.dataTable ? table(step.dataTable) : null,
        step.docString ? h('pre', { class: 'docstring' }, step.docString.content) : null,
      ),
    ),
  );
}

/**
 * What the filters let through: a scenario, or for an outline only the Examples rows that pass —
 * each row has its own status, and its tags are the scenario's plus its Examples block's. The
 * search text is looked for in the scenario's name and steps and in the row's values.
 * Returns null when nothing is left.
 * @param {ScenarioDoc} scenario
 * @returns {ScenarioDoc | null}
 */
function visible(scenario) {
  const text = filters.text.toLowerCase();
  /** @param {readonly string[]} values */
  const includesText = (values) => values.join(' ').toLowerCase().includes(text);
  const inScenario = !text || includesText([scenario.name, ...scenario.steps.map((step) => step.text)]);
  /**
   * @param {DocStatus} status
   * @param {readonly string[]} tags
   * @param {readonly string[]} cells
   */
  const passes = (status, tags, cells) =>
    filters.statuses.has(status) &&
    (!filters.tag || tags.includes(filters.tag)) &&
    (inScenario || includesText(cells));
  if (scenario.examples.length === 0) return passes(scenario.status, scenario.tags, []) ? scenario : null;
  const examples = scenario.examples
    .map((block) => ({
      ...block,
      rows: block.rows.filter((row) => passes(row.status, [...scenario.tags, ...block.tags], row.cells)),
    }))
    .filter((block) => block.rows.length > 0);
  return examples.length > 0 ? { ...scenario, examples } : null;
}

/** @param {readonly ScenarioDoc[]} scenarios */
const shownScenarios = (scenarios) => scenarios.map(visible).filter((scenario) => scenario !== null);

/**
 * The anchor of a scenario or an Examples row: `#/feature/<feature>/<line>` lands on it.
 * @param {FeatureDoc} feature
 * @param {number} line
 */
const lineId = (feature, line) => `/feature/${feature.id}/${line}`;

/**
 * For a scenario's own steps: which one failed and which were skipped after it, from its run.
 * @param {ScenarioDoc} scenario
 */
function stepMarks(scenario) {
  const ran = scenario.ranSteps;
  if (!ran || scenario.status !== 'failed') return undefined;
  const offset = ran.length - scenario.steps.length; // background steps come first
  return scenario.steps.map((_, index) => ran[index + offset]?.status);
}

/**
 * @param {ScenarioDoc} scenario
 * @param {FeatureDoc} feature
 */
function scenarioCard(scenario, feature) {
  const outline = scenario.examples.length > 0;
  const language = feature.language;
  const words = labelsFor(language);
  return h(
    'article',
    { class: `scenario ${scenario.status}`, id: lineId(feature, scenario.line) },
    h(
      'header',
      {},
      h('span', { class: 'keyword' }, `${scenario.keyword}:`),
      ' ',
      h('h4', {}, scenario.name),
      badge(scenario.status, language),
      flakyBadge(scenario.flaky, language),
      outline ? null : sparkline(scenario.history, language),
    ),
    tagChips(scenario.tags),
    scenario.descriptionHtml ? h('div', { class: 'description', html: scenario.descriptionHtml }) : null,
    steps(scenario.steps, stepMarks(scenario)),
    scenario.examples.map((block) =>
      h(
        'section',
        { class: 'examples' },
        h(
          'h5',
          {},
          block.name ? `${block.keyword}: ${block.name}` : block.keyword,
          block.tags.length ? tagChips(block.tags) : null,
        ),
        h(
          'table',
          { class: 'data examples-table' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              block.header.map((cell) => h('th', {}, cell)),
              h('th', { lang: labelLanguage(language) }, words.result),
            ),
          ),
          h(
            'tbody',
            {},
            block.rows.map((row) =>
              h(
                'tr',
                { class: `row ${row.status}`, id: lineId(feature, row.line) },
                row.cells.map((cell) => h('td', {}, cell)),
                h(
                  'td',
                  {},
                  badge(row.status, language),
                  flakyBadge(row.flaky, language),
                  sparkline(row.history, language),
                ),
              ),
            ),
          ),
        ),
        block.rows.map((row) =>
          row.error ? failure(row.error, row.ranSteps, words.row(row.line), language) : null,
        ),
      ),
    ),
    !outline && scenario.error ? failure(scenario.error, scenario.ranSteps, words.why, language) : null,
  );
}

/**
 * The first line of a failure message that says something: the reason, before any stack.
 * @param {string} message
 */
function reasonOf(message) {
  return (
    message
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line && !line.startsWith('at ')) || message.trim()
  );
}

/**
 * Why a scenario (or an Examples row) failed, as a product owner reads it: the one-line reason,
 * the steps as they ran (the one that failed marked, those skipped after it), the full message
 * folded.
 * @param {string} error the failure message
 * @param {readonly RanStepDoc[] | undefined} ranSteps
 * @param {string} title
 * @param {string} language
 */
function failure(error, ranSteps, title, language) {
  const words = labelsFor(language);
  /** @type {Partial<Record<DocStatus, string>>} */
  const marks = { failed: words.failedHere, skipped: words.skippedAfter, pending: words.status.pending };
  return h(
    'section',
    { class: 'failure' },
    h('h5', { lang: labelLanguage(language) }, title),
    h('p', { class: 'reason' }, reasonOf(error)),
    ranSteps && ranSteps.length
      ? h(
          'ol',
          { class: 'steps ran-steps' },
          ranSteps.map((step) =>
            h(
              'li',
              { class: `step ${step.status}` },
              h('span', { class: 'keyword' }, step.keyword),
              ' ',
              stepText(step.text),
              marks[step.status]
                ? h('span', { class: 'mark', lang: labelLanguage(language) }, ` — ${marks[step.status]}`)
                : null,
            ),
          ),
        )
      : null,
    h(
      'details',
      { class: 'failure-details' },
      h('summary', { lang: labelLanguage(language) }, words.details),
      h('pre', {}, error),
    ),
  );
}

/** @param {FeatureDoc} feature */
function allScenarios(feature) {
  return feature.rules.flatMap((rule) => rule.scenarios);
}

/** @typedef {Partial<Record<DocStatus, number>> & { flaky: number }} Counts */

/**
 * Scenarios and outline rows by status, and how many of them passed only on a retry.
 * @param {readonly ScenarioDoc[]} scenarios
 * @returns {Counts}
 */
function counts(scenarios) {
  /** @type {Counts} */
  const result = { flaky: 0 };
  /** @param {{ readonly status: DocStatus, readonly flaky: boolean }} entry */
  const add = (entry) => {
    result[entry.status] = (result[entry.status] ?? 0) + 1;
    if (entry.flaky) result.flaky += 1;
  };
  for (const scenario of scenarios) {
    if (scenario.examples.length > 0) for (const block of scenario.examples) block.rows.forEach(add);
    else add(scenario);
  }
  return result;
}

/**
 * @param {Counts} count
 * @param {string} [language]
 */
function summary(count, language) {
  const words = labelsFor(language);
  return h(
    'span',
    { class: 'summary', lang: labelLanguage(language) },
    STATUSES.filter((status) => (count[status] ?? 0) > 0).map((status) =>
      h('span', { class: `count ${status}` }, `${count[status]} ${words.status[status]}`),
    ),
    count.flaky > 0
      ? h('span', { class: 'count flaky', title: words.flakyTitle }, `${count.flaky} ${words.flaky}`)
      : null,
  );
}

/** @param {FeatureDoc} feature */
function featurePage(feature) {
  const rules = feature.rules
    .map((rule) => ({ rule, shown: shownScenarios(rule.scenarios) }))
    .filter(({ shown }) => shown.length > 0);
  return h(
    'section',
    { class: 'feature', lang: feature.language },
    h('p', { class: 'uri' }, feature.uri),
    h('h2', {}, h('span', { class: 'keyword' }, `${feature.keyword}:`), ' ', feature.name),
    tagChips(feature.tags),
    feature.descriptionHtml ? h('div', { class: 'narrative', html: feature.descriptionHtml }) : null,
    // The counts follow the filters: what the page shows is what it counts.
    summary(counts(shownScenarios(allScenarios(feature))), feature.language),
    feature.background
      ? h(
          'section',
          { class: 'background' },
          h('h3', {}, feature.background.keyword),
          steps(feature.background.steps),
        )
      : null,
    rules.length === 0
      ? h('p', { class: 'empty', lang: labelLanguage(feature.language) }, labelsFor(feature.language).noMatch)
      : null,
    rules.map(({ rule, shown }) =>
      h(
        'section',
        { class: 'rule' },
        rule.name
          ? h(
              'h3',
              {},
              h('span', { class: 'keyword' }, `${rule.keyword}:`),
              ' ',
              rule.name,
              tagChips(rule.tags),
            )
          : null,
        rule.descriptionHtml ? h('div', { class: 'description', html: rule.descriptionHtml }) : null,
        rule.background
          ? h(
              'section',
              { class: 'background' },
              h('h4', {}, rule.background.keyword),
              steps(rule.background.steps),
            )
          : null,
        shown.map((scenario) => scenarioCard(scenario, feature)),
      ),
    ),
  );
}

function overviewPage() {
  const everything = allFeatures.flatMap(allScenarios);
  return h(
    'section',
    {},
    h('h2', {}, 'The specification'),
    h(
      'p',
      {},
      'Each capability of the product, its features and the rules they prove, with the latest results.',
    ),
    summary(counts(shownScenarios(everything))),
    model.problems.length
      ? h(
          'div',
          { class: 'problems' },
          h('h3', {}, 'Feature files that do not parse'),
          h(
            'ul',
            {},
            model.problems.map((problem) => h('li', {}, problem)),
          ),
        )
      : null,
    model.capabilities.map((capability) =>
      h(
        'section',
        { class: 'capability' },
        h('h3', {}, capability.name),
        h('div', { class: 'narrative', html: capability.narrativeHtml }),
        h(
          'ul',
          { class: 'feature-list' },
          capability.features.map((feature) =>
            h(
              'li',
              { lang: feature.language },
              h('a', { href: `#/feature/${feature.id}` }, feature.name),
              ' ',
              summary(counts(shownScenarios(allScenarios(feature)))),
            ),
          ),
        ),
      ),
    ),
  );
}

function requirementsPage() {
  const { flags } = model;
  return h(
    'section',
    {},
    h('h2', {}, 'Requirements'),
    h(
      'div',
      { class: 'flags' },
      flags.requirementsWithoutScenario.length
        ? h(
            'p',
            { class: 'flag' },
            'Active requirements no scenario proves: ',
            flags.requirementsWithoutScenario.map((id, index) => [index ? ', ' : '', requirementLink(id)]),
          )
        : null,
      flags.missingLayers.length
        ? h(
            'p',
            { class: 'flag missing-layers' },
            'Proven at fewer layers than needed: ',
            flags.missingLayers.map((entry, index) => {
              const why = (REQUIREMENTS.get(entry.id)?.layers ?? [])
                .filter((layer) => entry.missing.includes(layer.layer))
                .map((layer) => `${layer.layer}: ${layerReason(layer)}`);
              return [index ? '; ' : '', requirementLink(entry.id), ` (${why.join(', ')})`];
            }),
          )
        : null,
      flags.scenariosWithoutRequirement.length
        ? h(
            'p',
            { class: 'flag' },
            'Scenarios without a requirement: ',
            flags.scenariosWithoutRequirement.join(', '),
          )
        : null,
    ),
    h(
      'table',
      { class: 'data requirements' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          [
            'Requirement',
            'Capability',
            'Priority',
            'Status',
            'Needed at',
            'Proven at (latest run)',
            'Scenarios',
            'Result',
          ].map((title) => h('th', {}, title)),
        ),
      ),
      h(
        'tbody',
        {},
        model.requirements.map((requirement) =>
          h(
            'tr',
            {},
            h('td', {}, requirementLink(requirement.id), ' ', requirement.title),
            h('td', {}, requirement.capability),
            h('td', {}, requirement.priority),
            h('td', {}, requirement.status),
            h('td', { class: 'needed' }, requirement.layersRequired.join(' + ')),
            h('td', { class: 'proven' }, neededLayers(requirement).map(layerChip(requirement))),
            h('td', {}, String(requirement.scenarios.length)),
            h('td', {}, resultBadge(requirement.result), sparkline(requirementHistory(requirement.id))),
          ),
        ),
      ),
    ),
  );
}

/**
 * A requirement's last runs: the worst result of its scenarios in each.
 * @param {string} id
 */
const requirementHistory = (id) => (model.requirementHistory || {})[id];

/** @param {string} id */
function requirementPage(id) {
  const requirement = model.requirements.find((candidate) => candidate.id === id);
  if (!requirement) return h('p', {}, `No requirement ${id}.`);
  const history = requirementHistory(requirement.id);
  return h(
    'section',
    { class: 'requirement' },
    h('h2', {}, `${requirement.id} ${requirement.title}`, ' ', resultBadge(requirement.result)),
    h(
      'dl',
      { class: 'meta' },
      h('dt', {}, 'Capability'),
      h('dd', {}, requirement.capability),
      h('dt', {}, 'Priority'),
      h('dd', {}, requirement.priority),
      h('dt', {}, 'Owner'),
      h('dd', {}, requirement.owner),
      h('dt', {}, 'Status'),
      h('dd', {}, requirement.status),
      h('dt', {}, 'Needed at'),
      h('dd', { class: 'needed' }, requirement.layersRequired.join(' + ')),
      h('dt', {}, 'Proven at'),
      h('dd', { class: 'proven' }, requirement.layers.map(layerChip(requirement))),
      h('dt', {}, 'Last runs'),
      h(
        'dd',
        { class: 'last-runs' },
        hasRuns(history)
          ? [sparkline(history), ' ', h('span', { class: 'since' }, sinceText(history))]
          : 'no history yet (run `npm run report` after a run)',
      ),
      h('dt', {}, 'Tracker'),
      h(
        'dd',
        {},
        h('a', { href: requirement.link, class: 'requirement-link', rel: 'noopener' }, requirement.link),
      ),
    ),
    h('h3', {}, 'Acceptance criteria'),
    h(
      'ul',
      { class: 'acceptance' },
      requirement.acceptance.map((criterion) => h('li', {}, criterion)),
    ),
    h('h3', {}, 'Scenarios'),
    requirement.scenarios.length === 0
      ? h('p', { class: 'flag' }, 'No scenario proves this requirement yet.')
      : h(
          'ul',
          { class: 'scenario-list' },
          requirement.scenarios.map((scenario) =>
            h(
              'li',
              {},
              badge(requirementStatus(scenario.status) || 'not-run'),
              flakyBadge(scenario.flaky),
              ' ',
              refLink(scenario.ref, scenario.name),
              ' ',
              h('span', { class: 'ref' }, scenario.ref),
              ' ',
              tagChips(scenario.layers.map((layer) => `@${layer}`)),
            ),
          ),
        ),
    h('h3', {}, 'Operations exercised'),
    requirement.operations.length
      ? h(
          'p',
          { class: 'operations' },
          requirement.operations.map((operation) => h('code', { class: 'operation' }, operation)),
        )
      : h('p', {}, 'None recorded (not run yet, or UI only).'),
  );
}

/**
 * `npm run docs -- --since <ref>`: the contract's changes, the requirements they touch, the scenarios reworded.
 * @param {WhatChangedDoc} changes
 */
function changesPage(changes) {
  /**
   * @param {string} title
   * @param {readonly string[] | undefined} list
   */
  const lines = (title, list) =>
    list && list.length
      ? h('div', { class: 'reworded' }, h('p', {}, title), h('pre', {}, list.join('\n')))
      : null;
  /** @param {WhatChangedDoc['scenarios'][number]} change */
  const scenarioRow = (change) =>
    h(
      'tr',
      { class: `scenario-change ${change.kind}` },
      h('td', {}, change.kind),
      h(
        'td',
        {},
        change.kind === 'removed' ? change.name : refLink(`${change.uri}:${change.line}`, change.name),
        change.previousName ? h('div', { class: 'ref' }, `was: ${change.previousName}`) : null,
        lines('removed:', change.removedLines),
        lines('added:', change.addedLines),
      ),
      h('td', { class: 'ref' }, `${change.uri}:${change.line}`),
    );
  return h(
    'section',
    { class: 'what-changed' },
    h('h2', {}, `What changed since ${changes.since}`),
    h('p', {}, changes.headline),
    changes.notes.map((note) => h('p', { class: 'flag' }, note)),
    h('h3', {}, 'Changed operations'),
    changes.operations.length
      ? h(
          'table',
          { class: 'data changed-operations' },
          h(
            'thead',
            {},
            h('tr', {}, h('th', {}, 'operation'), h('th', {}, 'changes'), h('th', {}, 'scenarios')),
          ),
          h(
            'tbody',
            {},
            changes.operations.map((operation) =>
              h(
                'tr',
                { class: operation.breaksClients ? 'breaking' : 'compatible' },
                h(
                  'td',
                  {},
                  h('code', {}, operation.label),
                  h('div', { class: 'ref' }, `${operation.method} ${operation.path}`),
                  operation.breaksClients ? h('span', { class: 'badge failed' }, 'breaking') : null,
                ),
                h(
                  'td',
                  {},
                  h(
                    'ul',
                    {},
                    operation.changes.map((change) =>
                      h(
                        'li',
                        {},
                        `${change.where ? `${change.where}: ` : ''}${change.text}`,
                        change.breaksClients ? ' — breaks clients' : '',
                        change.breaksProvider ? ' — breaks the provider' : '',
                      ),
                    ),
                  ),
                ),
                h(
                  'td',
                  {},
                  operation.scenarios.length
                    ? operation.scenarios.map((ref) => h('div', {}, refLink(ref, ref)))
                    : h('span', { class: 'flag' }, 'no scenario exercises it'),
                ),
              ),
            ),
          ),
        )
      : h('p', {}, 'The contract did not change.'),
    h('h3', {}, 'Requirements touched'),
    changes.requirements.length
      ? h(
          'ul',
          {},
          changes.requirements.map((requirement) => {
            const status = requirementStatus(requirement.result);
            return h(
              'li',
              {},
              requirementLink(requirement.id),
              ` ${requirement.title} `,
              status ? badge(status) : 'no scenario',
            );
          }),
        )
      : h('p', {}, 'None.'),
    h('h3', {}, 'Scenarios added, removed or reworded'),
    changes.scenarios.length
      ? h('table', { class: 'data scenario-changes' }, h('tbody', {}, changes.scenarios.map(scenarioRow)))
      : h('p', {}, 'None.'),
  );
}

function coveragePage() {
  const coverage = model.coverage;
  if (!coverage)
    return h(
      'section',
      {},
      h('h2', {}, 'Contract coverage'),
      h('p', {}, 'No run yet: run the features to see which operations they exercise.'),
    );
  const { totals } = coverage;
  return h(
    'section',
    {},
    h('h2', {}, `Contract coverage — ${coverage.spec.title} ${coverage.spec.version}`.trim()),
    table(
      [
        ['measure', 'covered', 'of', '%'],
        ['operations', totals.operationsCovered, totals.operations, totals.operationsPercent],
        ['operation × status', totals.statusPairsCovered, totals.statusPairs, totals.statusPairsPercent],
        ['exchanges validated', totals.validated, totals.exchanges, totals.validatedPercent],
      ].map((row) => row.map(String)),
    ),
    h(
      'p',
      {},
      `Undocumented exchanges: ${totals.undocumented}. Exchanges with contract violations: ${totals.violations}.`,
    ),
    // A project of several services: each service's contract on its own.
    (coverage.services ?? []).length > 1
      ? table(
          [
            ['service', 'contract', 'operations', 'operation × status', 'exchanges validated'],
            ...coverage.services.map(({ name, title, version, totals: own }) => [
              name,
              `${title} ${version}`,
              `${own.operationsCovered} of ${own.operations} (${own.operationsPercent} %)`,
              `${own.statusPairsCovered} of ${own.statusPairs} (${own.statusPairsPercent} %)`,
              `${own.validated} of ${own.exchanges}`,
            ]),
          ].map((row) => row.map(String)),
        )
      : null,
    h(
      'table',
      { class: 'data coverage' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ['Operation', 'Response', 'Media type', 'Covered', 'Scenarios'].map((title) => h('th', {}, title)),
        ),
      ),
      h('tbody', {}, coverage.entries.map(coverageRow)),
    ),
    (coverage.catchAll ?? []).length
      ? [
          h('h3', {}, 'Catch-all responses (default), not counted as status pairs'),
          h('table', { class: 'data coverage' }, h('tbody', {}, coverage.catchAll.map(coverageRow))),
        ]
      : [],
  );
}

/** @param {CoverageEntry} entry */
function coverageRow(entry) {
  return h(
    'tr',
    { class: entry.covered ? 'covered' : 'uncovered' },
    h(
      'td',
      {},
      h(
        'code',
        {},
        (model.coverage?.services ?? []).length > 1
          ? `${entry.service}:${entry.operationId}`
          : entry.operationId,
      ),
      ` ${entry.method} ${entry.path}`,
    ),
    h('td', {}, entry.responseKey),
    h('td', {}, entry.mediaType || '(no body)'),
    h('td', {}, entry.covered ? '✔' : '✘'),
    h(
      'td',
      {},
      entry.scenarios.slice(0, 3).join(', '),
      entry.scenarios.length > 3 ? ` and ${entry.scenarios.length - 3} more` : '',
    ),
  );
}

function glossaryPage() {
  const unused = model.glossary.filter((step) => step.uses === 0);
  /** @param {StepUsage} step */
  const entry = (step) =>
    h(
      'li',
      { class: 'glossary-entry' },
      h('code', { class: 'pattern' }, step.pattern),
      ' ',
      h('span', { class: 'ref' }, `${step.layer} · ${step.location} · used ${step.uses}×`),
      step.doc ? stepDoc(step.doc) : null,
      step.examples.length
        ? h(
            'ul',
            { class: 'examples' },
            step.examples.map((example) => h('li', {}, refLink(example.ref, example.text))),
          )
        : null,
    );
  // A generic step says what it does, shows an example, and lists the markers when it compares.
  /** @param {NonNullable<StepUsage['doc']>} doc */
  const stepDoc = (doc) =>
    h(
      'div',
      { class: 'step-doc' },
      h('p', {}, doc.summary),
      h('pre', { class: 'step-example' }, doc.example),
      doc.markers
        ? h(
            'p',
            { class: 'markers' },
            'Markers: ',
            doc.markers.map((marker) => h('code', {}, marker, ' ')),
          )
        : null,
    );
  // The project's own steps first; the harness's generic contract steps, loaded in every project, apart.
  /** @type {[string, readonly StepUsage[]][]} */
  const everyGroup = [
    ["The project's steps", model.glossary.filter((step) => step.layer !== 'generic')],
    [
      "The harness's generic contract steps (in every project)",
      model.glossary.filter((step) => step.layer === 'generic'),
    ],
  ];
  const groups = everyGroup.filter(([, steps]) => steps.length > 0);
  return h(
    'section',
    {},
    h('h2', {}, 'Step vocabulary'),
    h('p', {}, `${model.glossary.length} step definitions; ${unused.length} not used by any feature.`),
    groups.map(([title, steps]) => {
      const notUsed = steps.filter((step) => step.uses === 0);
      return h(
        'div',
        { class: 'glossary-group' },
        h('h3', {}, title),
        h('ul', { class: 'glossary' }, steps.filter((step) => step.uses > 0).map(entry)),
        h('h4', {}, 'Not used by any feature'),
        notUsed.length
          ? h('ul', { class: 'glossary unused' }, notUsed.map(entry))
          : h('p', {}, 'Every step is used.'),
      );
    }),
  );
}

function navigation() {
  const current = location.hash || '#/';
  /**
   * @param {string} href
   * @param {string} text
   * @param {Child} [extra]
   */
  const link = (href, text, extra) =>
    h('a', { href, class: current === href || current.startsWith(`${href}/`) ? 'active' : '' }, text, extra);
  return h(
    'div',
    {},
    h('ul', { class: 'nav' }, h('li', {}, link('#/', 'Overview'))),
    model.capabilities.map((capability) =>
      h(
        'div',
        { class: 'nav-group' },
        h('p', { class: 'nav-title' }, capability.name),
        h(
          'ul',
          { class: 'nav' },
          capability.features.map((feature) =>
            h('li', { lang: feature.language }, link(`#/feature/${feature.id}`, feature.name)),
          ),
        ),
      ),
    ),
    h(
      'ul',
      { class: 'nav' },
      model.whatChanged ? h('li', {}, link('#/changes', 'What changed')) : null,
      h('li', {}, link('#/requirements', 'Requirements')),
      h('li', {}, link('#/coverage', 'Contract coverage')),
      h('li', {}, link('#/glossary', 'Step vocabulary')),
    ),
  );
}

function filterControls() {
  const tags = [
    ...new Set(
      allFeatures.flatMap((feature) =>
        allScenarios(feature).flatMap((scenario) => [
          ...scenario.tags,
          ...scenario.examples.flatMap((block) => block.tags),
        ]),
      ),
    ),
  ].sort();
  return h(
    'form',
    { class: 'filters', 'aria-label': 'Filter scenarios', onsubmit: (event) => event.preventDefault() },
    h(
      'label',
      {},
      'Search ',
      h('input', {
        type: 'search',
        value: filters.text,
        /** @param {Event} event */
        oninput: (event) => {
          if (!(event.target instanceof HTMLInputElement)) return;
          filters.text = event.target.value;
          renderMain();
        },
      }),
    ),
    h(
      'label',
      {},
      'Tag ',
      h(
        'select',
        {
          /** @param {Event} event */
          onchange: (event) => {
            if (!(event.target instanceof HTMLSelectElement)) return;
            filters.tag = event.target.value;
            renderMain();
          },
        },
        h('option', { value: '' }, 'any'),
        tags.map((tag) => h('option', { value: tag, selected: filters.tag === tag }, tag)),
      ),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, 'Status'),
      STATUSES.map((status) =>
        h(
          'label',
          { class: 'status-filter' },
          h('input', {
            type: 'checkbox',
            checked: filters.statuses.has(status),
            /** @param {Event} event */
            onchange: (event) => {
              if (!(event.target instanceof HTMLInputElement)) return;
              if (event.target.checked) filters.statuses.add(status);
              else filters.statuses.delete(status);
              renderMain();
            },
          }),
          ` ${STATUS_LABELS[status]}`,
        ),
      ),
    ),
  );
}

/**
 * What the search finds on every page, not only the open one: scenarios and Examples rows (name,
 * steps, values), requirements (id, title, acceptance criteria), operations of the contract coverage
 * and steps of the vocabulary, each with a link to where it is. Nothing searched, no element.
 */
function searchResults() {
  const text = filters.text.trim().toLowerCase();
  if (!text) return null;
  /** @param {...string} values */
  const found = (...values) => values.join(' ').toLowerCase().includes(text);
  /** @type {HTMLElement[]} */
  const hits = [];
  for (const feature of allFeatures) {
    for (const scenario of allScenarios(feature)) {
      const shown = visible(scenario);
      if (!shown) continue;
      const lines =
        shown.examples.length > 0 ? shown.examples.flatMap((block) => block.rows.map((row) => row.line)) : [];
      // One row found: its own line; otherwise the scenario's.
      const at = (lines.length === 1 ? lines[0] : undefined) ?? scenario.line;
      hits.push(
        h(
          'li',
          { lang: feature.language },
          h('a', { href: `#${lineId(feature, at)}` }, scenario.name),
          ' ',
          h('span', { class: 'ref' }, `${feature.name} · ${feature.uri}:${at}`),
        ),
      );
    }
  }
  for (const requirement of model.requirements) {
    if (found(requirement.id, requirement.title, ...requirement.acceptance))
      hits.push(h('li', {}, requirementLink(requirement.id), ` ${requirement.title}`));
  }
  const operations = new Set();
  for (const entry of model.coverage ? model.coverage.entries : []) {
    if (operations.has(entry.operationId) || !found(entry.operationId, entry.method, entry.path)) continue;
    operations.add(entry.operationId);
    hits.push(
      h(
        'li',
        {},
        h('a', { href: '#/coverage' }, entry.operationId),
        ' ',
        h('span', { class: 'ref' }, `${entry.method} ${entry.path} · contract coverage`),
      ),
    );
  }
  for (const step of model.glossary) {
    if (found(step.pattern))
      hits.push(
        h(
          'li',
          {},
          h('a', { href: '#/glossary' }, step.pattern),
          ' ',
          h('span', { class: 'ref' }, 'step vocabulary'),
        ),
      );
  }
  return h(
    'section',
    { class: 'search-results', 'aria-label': 'Found on every page' },
    h('h2', {}, `Search “${filters.text.trim()}” on every page: ${hits.length} found`),
    hits.length ? h('ul', {}, hits) : h('p', { class: 'empty' }, 'Nothing found.'),
  );
}

function renderMain() {
  const [, route, id, line] = (location.hash || '#/').split('/');
  const main = byId('main');
  let page;
  if (route === 'feature') {
    const feature = allFeatures.find((candidate) => candidate.id === id);
    page = feature ? featurePage(feature) : h('p', {}, 'No such feature.');
  } else if (route === 'requirements') page = requirementsPage();
  else if (route === 'requirement') page = requirementPage(decodeURIComponent(id || ''));
  else if (route === 'coverage') page = coveragePage();
  else if (route === 'changes' && model.whatChanged) page = changesPage(model.whatChanged);
  else if (route === 'glossary') page = glossaryPage();
  else page = overviewPage();
  const search = searchResults();
  main.replaceChildren(...(search ? [search, page] : [page]));
  byId('nav').replaceChildren(navigation());
  // A link to a scenario or an Examples row lands on it and marks it.
  for (const marked of document.querySelectorAll('.target')) marked.classList.remove('target');
  const target = line ? document.getElementById(`/feature/${id}/${line}`) : null;
  if (target) {
    target.classList.add('target');
    target.scrollIntoView({ block: 'center' });
  }
}

/** The latest run in one line: its start (ISO 8601), whether complete, the browser, the counts. */
function runLine() {
  const run = model.run;
  const everything = allFeatures.flatMap(allScenarios);
  return [
    run
      ? `Latest run ${run.startedAt ? isoDate(run.startedAt) : ''}${run.complete ? '' : ' (incomplete)'}${run.browser ? ` · ${run.browser}` : ''} · `
      : 'Not run yet · ',
    summary(counts(everything)),
  ];
}

/**
 * Every page, for the static HTML written at build time (support/docs/render.ts): the page reads
 * completely without JavaScript; the anchors are the routes, so links land without it too. Each page
 * goes to `emit` as soon as it is built, so that the build never holds more than one page.
 * @param {(route: string, page: HTMLElement) => void} emit
 */
// eslint-disable-next-line no-unused-vars -- called by the build, not in the browser
function staticBuild(emit) {
  emit('/', overviewPage());
  for (const feature of allFeatures) emit(`/feature/${feature.id}`, featurePage(feature));
  emit('/requirements', requirementsPage());
  for (const requirement of model.requirements)
    emit(`/requirement/${requirement.id}`, requirementPage(requirement.id));
  emit('/coverage', coveragePage());
  if (model.whatChanged) emit('/changes', changesPage(model.whatChanged));
  emit('/glossary', glossaryPage());
  return { run: h('span', {}, runLine()), nav: navigation() };
}

// In the browser the script shows one page at a time and adds the filters and the search.
if (typeof STATIC_BUILD === 'undefined') {
  document.title = model.title;
  byId('title').textContent = model.title;
  byId('filters').replaceChildren(filterControls());
  byId('run').replaceChildren(...runLine());
  window.addEventListener('hashchange', renderMain);
  renderMain();
}
