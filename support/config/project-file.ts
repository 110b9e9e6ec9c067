import path from 'node:path';
import { ownSchemaValidator } from './own-schema';
import { readOncePerChange } from './read-once';
import { readValidatedYaml } from './yaml-file';
import { UsageError } from '../errors';

/** The word in `baseUrl` that asks for the embedded caller-ID service (the example project only). */
export const EMBEDDED = 'embedded';

/** One service of the project, as its project file describes it. Paths are absolute. */
export interface ServiceEntry {
  readonly name: string;
  readonly contract: string;
  /** `embedded`, a URL, or undefined: the contract's server URL. */
  readonly baseUrl: string | undefined;
  /** Overrides the path of the contract's server: `/` = served at the root. */
  readonly basePath: string | undefined;
  /** Which of the contract's `servers` (0 = the first). */
  readonly server: number;
  readonly serverVariables: Readonly<Record<string, string>>;
  /** `harness.config.yaml:12:5`: where the entry is, for messages. */
  readonly where: string;
}

/** What `harness.config.yaml` says the project is. Paths are absolute. */
export interface ProjectFile {
  readonly file: string;
  /** The folder of the project file: every relative path in it is relative to this. */
  readonly dir: string;
  readonly title: string;
  readonly requirements: string;
  readonly gate: string;
  readonly features: readonly string[];
  readonly steps: readonly string[];
  readonly services: readonly ServiceEntry[];
}

/** A service name: used in env variables (BASE_URL_<NAME>), steps and reports. */
export const SERVICE_NAME = '^[A-Za-z][A-Za-z0-9_-]*$';

const pathList = {
  oneOf: [
    { type: 'string', minLength: 1 },
    { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 },
  ],
} as const;

const SCHEMA = {
  type: 'object',
  required: ['services'],
  additionalProperties: false,
  properties: {
    title: { type: 'string', minLength: 1 },
    requirements: { type: 'string', minLength: 1 },
    gate: { type: 'string', minLength: 1 },
    features: pathList,
    steps: pathList,
    services: {
      type: 'object',
      minProperties: 1,
      propertyNames: { pattern: SERVICE_NAME },
      additionalProperties: {
        type: 'object',
        required: ['contract'],
        additionalProperties: false,
        properties: {
          contract: { type: 'string', minLength: 1 },
          baseUrl: { type: 'string', minLength: 1 },
          basePath: { type: 'string', pattern: '^/' },
          server: { type: 'integer', minimum: 0 },
          serverVariables: {
            type: 'object',
            additionalProperties: { type: ['string', 'number', 'boolean'] },
          },
        },
      },
    },
  },
} as const;

interface RawService {
  contract: string;
  baseUrl?: string;
  basePath?: string;
  server?: number;
  serverVariables?: Record<string, string | number | boolean>;
}

interface RawProject {
  title?: string;
  requirements?: string;
  gate?: string;
  features?: string | string[];
  steps?: string | string[];
  services: Record<string, RawService>;
}

const validate = ownSchemaValidator<RawProject>(SCHEMA, {
  allErrors: false,
  validateSchema: false,
  allowUnionTypes: true,
});

const projects = new Map<string, ProjectFile>();

/** Reads a project file once per process until it changes; one line naming file and line when it is wrong. */
export function readProjectFile(file: string): ProjectFile {
  return readOncePerChange(projects, file, parseProjectFile);
}

function parseProjectFile(file: string): ProjectFile {
  const { data, at } = readValidatedYaml(
    file,
    validate,
    'project file not found (set HARNESS_CONFIG to your harness.config.yaml)',
  );
  const dir = path.dirname(file);
  const resolve = (value: string): string => path.resolve(dir, value);
  const list = (value: string | string[] | undefined, fallback: string): string[] =>
    (value === undefined ? [fallback] : Array.isArray(value) ? value : [value]).map(resolve);
  const services = Object.entries(data.services).map(([name, raw]): ServiceEntry => {
    if (raw.baseUrl !== undefined && raw.baseUrl !== EMBEDDED && !/^https?:\/\//.test(raw.baseUrl)) {
      throw new UsageError(
        `${at(`/services/${name}/baseUrl`)}: "${raw.baseUrl}" is neither an http(s) URL nor "${EMBEDDED}"`,
      );
    }
    return {
      name,
      contract: resolve(raw.contract),
      baseUrl: raw.baseUrl,
      basePath: raw.basePath,
      server: raw.server ?? 0,
      serverVariables: Object.fromEntries(
        Object.entries(raw.serverVariables ?? {}).map(([key, value]) => [key, String(value)]),
      ),
      // Located when a message asks: locating loads the YAML parser.
      get where() {
        return at(`/services/${name}`);
      },
    };
  });
  if (services.filter((service) => service.baseUrl === EMBEDDED).length > 1) {
    throw new UsageError(`${at('/services')}: only one service can be the embedded one`);
  }
  return {
    file,
    dir,
    title: data.title ?? `${services.map((service) => service.name).join(', ')} — living specification`,
    requirements: resolve(data.requirements ?? 'specs/requirements.yaml'),
    gate: resolve(data.gate ?? 'gate.config.yaml'),
    features: list(data.features, 'features'),
    steps: list(data.steps, 'steps'),
    services,
  };
}

/** `caller-id` → `CALLER_ID`: the suffix of a service's environment variables. */
export function envSuffix(service: string): string {
  return service.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
}
