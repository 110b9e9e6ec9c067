/**
 * The run's model on disk: what the results plugin (or `npm run merge`) computes once from the
 * message stream — results.json, and beside it the contract coverage and the traceability matrix —
 * versioned, and checked when read. The gate and the docs read it; none of them goes back to
 * messages.ndjson or derives the run's coverage or traceability again.
 */
import fs from 'node:fs';
import { ownSchemaValidator } from '../config/own-schema';
import type { ContractCoverage } from './coverage';
import { displayPath } from '../errors';
import { reportFile, type ReportFile } from '../report/report-files';
import type { Traceability } from './traceability';
import { UnusableResultsError, unfinishedRunProblem } from './read-run';
import type { RunResults } from './run-model';
import { STATUSES } from './status';

/** The version of the model's files; a reader refuses any other. */
export const RESULTS_SCHEMA_VERSION = 1;

/** A run's derived data, as the gate and the docs read it. */
export interface RunModel {
  readonly results: RunResults;
  /** Carries `complete` too: every file of a run says whether the run finished. */
  readonly coverage: ContractCoverage & { readonly complete?: boolean };
  readonly traceability: Traceability & { readonly complete?: boolean };
}

type Versioned<T> = { readonly schemaVersion: typeof RESULTS_SCHEMA_VERSION } & T;

/** What each file of the model holds on disk. */
export interface ModelFiles {
  readonly results: Versioned<RunResults>;
  readonly coverage: Versioned<{ readonly complete: boolean } & ContractCoverage>;
  readonly traceability: Versioned<{ readonly complete: boolean } & Traceability>;
}

type ModelFile = keyof ModelFiles;

const strings = { type: 'array', items: { type: 'string' } } as const;
const status = { enum: STATUSES } as const;

const RESULTS_SCHEMA = {
  type: 'object',
  required: ['complete', 'runs', 'scenarios', 'errors'],
  properties: {
    startedAt: { type: 'string' },
    finishedAt: { type: 'string' },
    durationMs: { type: 'number' },
    success: { type: 'boolean' },
    complete: { type: 'boolean' },
    runs: { type: 'integer', minimum: 0 },
    cucumberVersion: { type: 'string' },
    errors: strings,
    browser: { type: 'string' },
    origins: strings,
    run: {
      type: 'object',
      required: ['selection'],
      properties: { shard: { type: 'string' }, selection: { type: 'string' }, commit: { type: 'string' } },
    },
    scenarios: {
      type: 'array',
      items: {
        type: 'object',
        required: [
          'name',
          'uri',
          'line',
          'feature',
          'tags',
          'language',
          'selected',
          'status',
          'attempts',
          'flaky',
          'durationMs',
          'steps',
          'exchanges',
        ],
        properties: {
          name: { type: 'string' },
          uri: { type: 'string' },
          line: { type: 'integer' },
          feature: { type: 'string' },
          rule: { type: 'string' },
          tags: strings,
          language: { type: 'string' },
          selected: { type: 'boolean' },
          status,
          attempts: { type: 'integer', minimum: 0 },
          flaky: { type: 'boolean' },
          durationMs: { type: 'number' },
          error: { type: 'string' },
          steps: {
            type: 'array',
            items: {
              type: 'object',
              required: ['keyword', 'text', 'status'],
              properties: { keyword: { type: 'string' }, text: { type: 'string' }, status },
            },
          },
          exchanges: {
            type: 'array',
            items: {
              type: 'object',
              required: ['source', 'method', 'path', 'status', 'validated', 'undocumented', 'violations'],
              properties: {
                source: { enum: ['api', 'browser'] },
                service: { type: 'string' },
                method: { type: 'string' },
                path: { type: 'string' },
                status: { type: 'integer' },
                operationId: { type: 'string' },
                responseKey: { type: 'string' },
                mediaType: { type: 'string' },
                validated: { type: 'boolean' },
                undocumented: { type: 'boolean' },
                violations: strings,
              },
            },
          },
        },
      },
    },
  },
} as const;

const totals = {
  type: 'object',
  required: ['operations', 'operationsCovered', 'statusPairs', 'statusPairsCovered', 'statusPairsPercent'],
} as const;

const COVERAGE_SCHEMA = {
  type: 'object',
  required: [
    'complete',
    'spec',
    'totals',
    'services',
    'entries',
    'uncoveredStatusPairs',
    'catchAll',
    'undocumented',
  ],
  properties: {
    complete: { type: 'boolean' },
    spec: { type: 'object', required: ['title', 'version'] },
    totals,
    services: {
      type: 'array',
      items: { type: 'object', required: ['name', 'totals'], properties: { totals } },
    },
    entries: {
      type: 'array',
      items: { type: 'object', required: ['operationId', 'responseKey', 'covered'] },
    },
    uncoveredStatusPairs: strings,
    catchAll: { type: 'array' },
    undocumented: {
      type: 'array',
      items: { type: 'object', required: ['method', 'path', 'status', 'reason'] },
    },
  },
} as const;

const TRACEABILITY_SCHEMA = {
  type: 'object',
  required: ['complete', 'requirements', 'operations', 'flags'],
  properties: {
    complete: { type: 'boolean' },
    requirements: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'result', 'layers', 'layersProven', 'scenarios', 'operations'],
        properties: {
          id: { type: 'string' },
          scenarios: {
            type: 'array',
            items: {
              type: 'object',
              required: ['ref', 'name', 'status', 'flaky', 'layers', 'operations'],
              properties: { status: { enum: [...STATUSES, 'NOT_RUN'] } },
            },
          },
        },
      },
    },
    operations: { type: 'array', items: { type: 'object', required: ['operationId', 'requirements'] } },
    flags: {
      type: 'object',
      required: ['requirementsWithoutScenario', 'scenariosWithoutRequirement', 'missingLayers'],
    },
  },
} as const;

const validators = {
  results: ownSchemaValidator(RESULTS_SCHEMA),
  coverage: ownSchemaValidator(COVERAGE_SCHEMA),
  traceability: ownSchemaValidator(TRACEABILITY_SCHEMA),
};

/**
 * One file of a run's model, checked: its version, then its shape. Undefined when the file is not
 * there; anything else wrong is one line naming the file (UnusableResultsError).
 */
export function readModelFile<K extends ModelFile>(
  file: string,
  kind: K,
): Omit<ModelFiles[K], 'schemaVersion'> | undefined {
  if (!fs.existsSync(file)) return undefined;
  const shown = displayPath(file);
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UnusableResultsError(
      `${shown}: not valid JSON (${(error as Error).message.split('\n')[0]}): the file is corrupt or was cut off while writing; run the features again`,
    );
  }
  const version = (data as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (version !== RESULTS_SCHEMA_VERSION) {
    const found = version === undefined ? 'no schemaVersion' : `schemaVersion ${JSON.stringify(version)}`;
    throw new UnusableResultsError(
      `${shown}: ${found}, but this harness reads results of schemaVersion ${RESULTS_SCHEMA_VERSION}: run the features again with this harness`,
    );
  }
  const validate = validators[kind];
  if (!validate(data)) {
    const [error] = validate.errors ?? [];
    throw new UnusableResultsError(
      `${shown}: not a ${kind} file of this harness: ${error?.instancePath || '/'} ${error?.message ?? 'is invalid'}; run the features again`,
    );
  }
  // The version is the file's, checked above: readers get the content.
  const { schemaVersion, ...content } = data as ModelFiles[K];
  void schemaVersion;
  return content;
}

const FILES: Record<ModelFile, ReportFile> = {
  results: 'results',
  coverage: 'coverage',
  traceability: 'traceability',
};

/**
 * The model of the run in `reportsDir`, for a verdict. Fails closed, one line naming the file: no
 * results (or a stream without them: the run was killed), a file that is corrupt, of another
 * version or shape, a sibling missing, or a run that never finished.
 */
export function readRunModel(reportsDir: string): RunModel {
  const resultsFile = reportFile(reportsDir, 'results');
  const results = readModelFile(resultsFile, 'results');
  if (!results) {
    const stream = reportFile(reportsDir, 'messages');
    throw new UnusableResultsError(
      fs.existsSync(stream)
        ? `${displayPath(resultsFile)} is missing beside ${displayPath(stream)}: the run never finished (interrupted or killed)`
        : `${displayPath(resultsFile)}: no results: run the features first (npm run spec)`,
    );
  }
  if (!results.complete) throw new UnusableResultsError(unfinishedRunProblem(resultsFile));
  const sibling = <K extends 'coverage' | 'traceability'>(kind: K): Omit<ModelFiles[K], 'schemaVersion'> => {
    const file = reportFile(reportsDir, FILES[kind]);
    const content = readModelFile(file, kind);
    if (!content)
      throw new UnusableResultsError(
        `${displayPath(file)} is missing beside ${displayPath(resultsFile)}: the run did not finish writing its reports; run the features again`,
      );
    return content;
  };
  return { results, coverage: sibling('coverage'), traceability: sibling('traceability') };
}
