import fs from 'node:fs';
import Ajv from 'ajv';
import { LineCounter, parseDocument } from 'yaml';
import { UsageError, displayPath, yamlReason } from '../errors';
import { locatePointer } from '../contract/locate';

export type RequirementStatus = 'planned' | 'active' | 'retired';
export type Layer = 'api' | 'ui';

export interface Requirement {
  readonly id: string;
  readonly title: string;
  readonly capability: string;
  readonly priority: string;
  readonly owner: string;
  readonly status: RequirementStatus;
  readonly layers: readonly Layer[];
  readonly acceptance: readonly string[];
  readonly tracker?: string;
  /** The requirement in its tracker, from the tracker's URL template. */
  readonly link: string;
}

export interface RequirementCatalog {
  readonly file: string;
  readonly requirements: readonly Requirement[];
  get(id: string): Requirement | undefined;
  /** A known issue (`@issue:<id>`) in its tracker: the `issues` template, else `default`. */
  issueLink(id: string): string;
}

const SCHEMA = {
  type: 'object',
  required: ['trackers', 'requirements'],
  additionalProperties: false,
  properties: {
    trackers: {
      type: 'object',
      required: ['default'],
      additionalProperties: { type: 'string', pattern: '\\{id\\}' },
    },
    requirements: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'title', 'capability', 'priority', 'owner', 'status', 'acceptance'],
        additionalProperties: false,
        properties: {
          id: { type: 'string', pattern: '^REQ-[A-Za-z0-9][A-Za-z0-9_.-]*$' },
          title: { type: 'string', minLength: 1 },
          capability: { type: 'string', minLength: 1 },
          priority: { enum: ['critical', 'high', 'medium', 'low'] },
          owner: { type: 'string', minLength: 1 },
          status: { enum: ['planned', 'active', 'retired'] },
          layers: { type: 'array', items: { enum: ['api', 'ui'] }, minItems: 1, uniqueItems: true },
          tracker: { type: 'string' },
          acceptance: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 },
        },
      },
    },
  },
} as const;

interface RawCatalog {
  trackers: Record<string, string>;
  requirements: (Omit<Requirement, 'link' | 'layers'> & { layers?: Layer[] })[];
}

const validate = new Ajv({ allErrors: false, validateSchema: false }).compile<RawCatalog>(SCHEMA);

/**
 * Reads `specs/requirements.yaml`. A malformed catalogue is one line naming the file, the line and
 * what is wrong with it.
 */
export function loadRequirements(file: string): RequirementCatalog {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  const key = `${file}|${stat?.mtimeMs ?? 'missing'}|${stat?.size ?? 0}`;
  const known = catalogs.get(key);
  if (known) return known;
  const catalog = readRequirements(file);
  catalogs.set(key, catalog);
  return catalog;
}

/** Read once per process until the file changes: the command, the plugin and a worker share it. */
const catalogs = new Map<string, RequirementCatalog>();

function readRequirements(file: string): RequirementCatalog {
  const shown = displayPath(file);
  if (!fs.existsSync(file)) throw new UsageError(`${shown}: requirement catalogue not found`);
  const lineCounter = new LineCounter();
  const document = parseDocument(fs.readFileSync(file, 'utf8'), { lineCounter });
  const [yamlError] = document.errors;
  if (yamlError) {
    const position = yamlError.linePos?.[0];
    const where = position ? `${position.line}:${position.col}` : '1:1';
    throw new UsageError(`${shown}:${where}: not valid YAML: ${yamlReason(yamlError.message)}`);
  }
  const raw: unknown = document.toJS();
  if (!validate(raw)) {
    const [error] = validate.errors ?? [];
    const pointer = error?.instancePath ?? '';
    const detail =
      error?.params && 'additionalProperty' in error.params
        ? ` "${String(error.params.additionalProperty)}"`
        : '';
    const allowed =
      error?.params && 'allowedValues' in error.params
        ? ` (${(error.params.allowedValues as unknown[]).join(', ')})`
        : '';
    throw new UsageError(
      `${shown}:${locatePointer(file, `#${pointer}`) ?? '1:1'}: ${pointer || '/'} ${error?.message ?? 'is invalid'}${detail}${allowed}`,
    );
  }
  const seen = new Set<string>();
  const requirements = raw.requirements.map((entry, index) => {
    if (seen.has(entry.id)) {
      throw new UsageError(
        `${shown}:${locatePointer(file, `#/requirements/${index}/id`) ?? '1:1'}: ${entry.id} is listed twice`,
      );
    }
    seen.add(entry.id);
    const template = raw.trackers[entry.tracker ?? 'default'];
    if (template === undefined) {
      throw new UsageError(
        `${shown}:${locatePointer(file, `#/requirements/${index}/tracker`) ?? '1:1'}: tracker "${entry.tracker}" is not among trackers (${Object.keys(raw.trackers).join(', ')})`,
      );
    }
    return {
      ...entry,
      layers: entry.layers ?? ['api'],
      link: template.replace('{id}', encodeURIComponent(entry.id)),
    };
  });
  const byId = new Map(requirements.map((requirement) => [requirement.id, requirement]));
  const issueTemplate = raw.trackers.issues ?? raw.trackers.default ?? '{id}';
  return {
    file,
    requirements,
    get: (id) => byId.get(id),
    issueLink: (id) => issueTemplate.replace('{id}', encodeURIComponent(id)),
  };
}
