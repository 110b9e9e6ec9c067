import { ownSchemaValidator } from '../config/own-schema';
import { readOncePerChange } from '../config/read-once';
import { readValidatedYaml } from '../config/yaml-file';
import { UsageError } from '../errors';

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

const validate = ownSchemaValidator<RawCatalog>(SCHEMA, { allErrors: false, validateSchema: false });

/** Read once per process until the file changes. */
const catalogs = new Map<string, RequirementCatalog>();

/**
 * Reads `specs/requirements.yaml`. A malformed catalogue is one line naming the file, the line and
 * what is wrong with it.
 */
export function loadRequirements(file: string): RequirementCatalog {
  return readOncePerChange(catalogs, file, readRequirements);
}

function readRequirements(file: string): RequirementCatalog {
  const { data: raw, at } = readValidatedYaml(file, validate, 'requirement catalogue not found');
  const seen = new Set<string>();
  const requirements = raw.requirements.map((entry, index) => {
    if (seen.has(entry.id)) {
      throw new UsageError(`${at(`/requirements/${index}/id`)}: ${entry.id} is listed twice`);
    }
    seen.add(entry.id);
    const template = raw.trackers[entry.tracker ?? 'default'];
    if (template === undefined) {
      throw new UsageError(
        `${at(`/requirements/${index}/tracker`)}: tracker "${entry.tracker}" is not among trackers (${Object.keys(raw.trackers).join(', ')})`,
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
