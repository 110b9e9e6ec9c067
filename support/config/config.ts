import fs from 'node:fs';
import path from 'node:path';
import { UsageError, displayPath } from '../errors';
import { EnvReader } from './env';
import { EMBEDDED, envSuffix, readProjectFile, type ServiceEntry } from './project-file';
import { MAX_WORKERS, autoWorkers } from './workers';

export const BROWSERS = ['chromium', 'firefox', 'webkit'] as const;
export const TRACE_MODES = ['off', 'retain-on-failure', 'on'] as const;
export type TraceMode = (typeof TRACE_MODES)[number];
export type BrowserName = (typeof BROWSERS)[number];

/**
 * Everything the harness can be told, read from the environment in this one place.
 * The README's "Configuration" table lists the same variables.
 */
export interface HarnessConfig {
  /** The project file (`harness.config.yaml`, or HARNESS_CONFIG) this configuration comes from. */
  readonly projectFile: string;
  /** Its folder: cucumber runs there, and feature URIs are relative to it. */
  readonly projectDir: string;
  /** What the living documentation and the reports call the project. */
  readonly title: string;
  /** The project's feature folders: the full suite. */
  readonly featuresDirs: readonly string[];
  /** The project's own step definitions (the harness's generic ones are always loaded). */
  readonly stepsDirs: readonly string[];
  /** The services the scenarios call, each checked against its own contract. */
  readonly services: readonly ServiceConfig[];
  /** Where the web UI lives; defaults to the origin of the first service. */
  readonly uiBaseUrl: URL | undefined;
  /** The requirement catalogue the @REQ tags refer to. */
  readonly requirementsFile: string;
  /** The release gate's policies. */
  readonly gatePolicyFile: string;
  readonly browser: BrowserName;
  readonly headed: boolean;
  /** Slows every browser action down, to watch a headed run. */
  readonly slowMoMs: number;
  /** An explicit Chromium executable, tried before the system's. */
  readonly chromiumPath: string | undefined;
  /** Playwright traces of UI scenarios: kept for failures (default), always, or never recorded. */
  readonly trace: TraceMode;
  /** A Playwright browser server to connect to instead of launching a browser. */
  readonly browserWsEndpoint: string | undefined;
  /** Budget of one step. */
  readonly stepTimeoutMs: number;
  /** Budget of one HTTP exchange. */
  readonly httpTimeoutMs: number;
  /** Budget of one browser action or expectation. */
  readonly uiTimeoutMs: number;
  /** How long the preflight waits for a deployment (BASE_URL) that is still starting to answer. */
  readonly healthWaitMs: number;
  /** Deliberate defects for the embedded service: only the harness's own tests set this. */
  readonly sutFaults: string | undefined;
  readonly reportsDir: string;
  /** Parallel workers of one run (cucumber's --parallel); each has its own browser and service. */
  readonly workers: number;
  /** What `WORKERS=auto` chose, as the run says it. */
  readonly workersChosen?: string;
  /** This machine's part of a sharded run: `2/3` is the second of three. */
  readonly shard: string | undefined;
  /**
   * Existing accounts for personas, from `ACCOUNT_<PERSONA>=username:password` (e.g. ACCOUNT_ALICE):
   * for deployments where test accounts are provisioned rather than registered. Never committed.
   */
  readonly accounts: Readonly<Record<string, { readonly username: string; readonly password: string }>>;
  /** Names whose values never reach a report or log: headers, JSON fields, query parameters. */
  readonly redact: RedactionNames;
}

/** One service of the project, with the environment's overrides applied. */
export interface ServiceConfig {
  readonly name: string;
  /** The OpenAPI document its exchanges are checked against. */
  readonly contractFile: string;
  /** The setting `contractFile` came from, named in messages: `OPENAPI_SPEC`, a project file line. */
  readonly contractFrom: string;
  /**
   * Where it is deployed: a URL, `embedded` (the harness starts the caller-ID example in-process),
   * or undefined (the contract's server URL).
   */
  readonly baseUrl: URL | typeof EMBEDDED | undefined;
  /** The setting `baseUrl` came from, named in messages: `BASE_URL_PETSTORE`, a project file line. */
  readonly baseUrlFrom: string;
  /** Replaces the path of the contract's server (`/` = served at the root); undefined keeps it. */
  readonly basePath: string | undefined;
  /** The setting `basePath` came from. */
  readonly basePathFrom: string;
  /** Which of the contract's servers, and its variables. */
  readonly server: number;
  readonly serverVariables: Readonly<Record<string, string>>;
}

export interface RedactionNames {
  readonly headers: readonly string[];
  readonly fields: readonly string[];
  readonly query: readonly string[];
}

export const DEFAULT_REDACTION: RedactionNames = {
  headers: ['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key', 'x-auth-token'],
  fields: [
    'password',
    'accessToken',
    'access_token',
    'refreshToken',
    'refresh_token',
    'token',
    'secret',
    'apiKey',
    'clientSecret',
  ],
  query: ['token', 'access_token', 'api_key', 'apikey', 'password', 'secret'],
};

/** The project file of a run: HARNESS_CONFIG, else `harness.config.yaml` in the working folder. */
export const PROJECT_FILE = 'harness.config.yaml';

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): HarnessConfig {
  const read = new EnvReader(env);
  const projectFile = path.resolve(cwd, read.string('HARNESS_CONFIG') ?? PROJECT_FILE);
  if (!fs.existsSync(projectFile)) {
    throw new UsageError(
      `${displayPath(projectFile, cwd)}: project file not found (HARNESS_CONFIG names another; npm run init -- --spec <contract> writes one)`,
    );
  }
  const project = readProjectFile(projectFile);
  const services = serviceConfigs(project.services, read, cwd);
  const embedded = services.some((service) => service.baseUrl === EMBEDDED);
  return {
    projectFile,
    projectDir: project.dir,
    title: project.title,
    featuresDirs: project.features,
    stepsDirs: project.steps,
    services,
    uiBaseUrl: read.url('UI_BASE_URL'),
    requirementsFile: path.resolve(cwd, read.string('REQUIREMENTS') ?? project.requirements),
    gatePolicyFile: path.resolve(cwd, read.string('GATE_POLICY') ?? project.gate),
    browser: read.oneOf('BROWSER', BROWSERS, 'chromium'),
    headed: read.flag('HEADED'),
    slowMoMs: read.integer('SLOW_MO', 0, { max: 10_000 }),
    chromiumPath: read.string('CHROMIUM_PATH'),
    browserWsEndpoint: read.url('PW_CONNECT_WS')?.toString(),
    trace: read.oneOf('TRACE', TRACE_MODES, 'retain-on-failure'),
    stepTimeoutMs: read.integer('STEP_TIMEOUT', 20_000, { min: 100 }),
    httpTimeoutMs: read.integer('HTTP_TIMEOUT', 10_000, { min: 100 }),
    uiTimeoutMs: read.integer('UI_TIMEOUT', 5_000, { min: 100 }),
    healthWaitMs: read.integer('HEALTH_WAIT', 5_000, { max: 300_000 }),
    sutFaults: embedded ? read.string('SUT_FAULTS') : undefined,
    reportsDir: path.resolve(cwd, read.string('REPORTS_DIR') ?? path.join(project.dir, 'reports')),
    accounts: read.accounts('ACCOUNT_'),
    ...workersFrom(read),
    shard: read.shard('SHARD'),
    redact: {
      headers: [...DEFAULT_REDACTION.headers, ...read.list('REDACT_HEADERS')],
      fields: [...DEFAULT_REDACTION.fields, ...read.list('REDACT_FIELDS')],
      query: [...DEFAULT_REDACTION.query, ...read.list('REDACT_QUERY')],
    },
  };
}

/**
 * The project file's services with the deployment's environment applied: `BASE_URL` and
 * `API_BASE_PATH` (and `OPENAPI_SPEC`) for the first service, `BASE_URL_<SERVICE>` and
 * `API_BASE_PATH_<SERVICE>` for any.
 */
function serviceConfigs(entries: readonly ServiceEntry[], read: EnvReader, cwd: string): ServiceConfig[] {
  return entries.map((entry, index) => {
    const suffix = envSuffix(entry.name);
    const pick = (name: string): { value: string; from: string } | undefined => {
      for (const variable of index === 0 ? [`${name}_${suffix}`, name] : [`${name}_${suffix}`]) {
        const value = read.string(variable);
        if (value !== undefined) return { value, from: variable };
      }
      return undefined;
    };
    const url = pick('BASE_URL');
    const basePath = pick('API_BASE_PATH');
    const contract = index === 0 ? read.string('OPENAPI_SPEC') : undefined;
    if (url && !/^https?:$/.test(read.url(url.from)?.protocol ?? '')) {
      throw new UsageError(`${url.from}: "${url.value}" must be an http(s) URL`);
    }
    if (basePath && !basePath.value.startsWith('/')) {
      throw new UsageError(
        `${basePath.from}: "${basePath.value}" must start with / (/ = served at the root)`,
      );
    }
    return {
      name: entry.name,
      contractFile: contract ? path.resolve(cwd, contract) : entry.contract,
      get contractFrom() {
        return contract ? 'OPENAPI_SPEC' : `${entry.where} contract`;
      },
      baseUrl: url
        ? new URL(url.value)
        : entry.baseUrl === EMBEDDED
          ? EMBEDDED
          : entry.baseUrl
            ? new URL(entry.baseUrl)
            : undefined,
      // Where the values came from, for messages only: worked out when a message asks (locating the
      // entry in the project file loads the YAML parser).
      get baseUrlFrom() {
        return (
          url?.from ??
          (entry.baseUrl
            ? `${entry.where} baseUrl`
            : `the contract's servers[${entry.server}] (no baseUrl in ${entry.where}, no ${index === 0 ? 'BASE_URL' : `BASE_URL_${suffix}`})`)
        );
      },
      basePath: basePath?.value ?? entry.basePath,
      get basePathFrom() {
        return basePath?.from ?? `${entry.where} basePath`;
      },
      server: entry.server,
      serverVariables: entry.serverVariables,
    };
  });
}

let cached: HarnessConfig | undefined;

/** The configuration of this process (each cucumber worker reads its own environment once). */
export function config(): HarnessConfig {
  cached ??= loadConfig();
  return cached;
}

/** `WORKERS`: a number of workers, or `auto` (as many as the machine has cores for). */
function workersFrom(read: EnvReader): { workers: number; workersChosen?: string } {
  if (read.string('WORKERS')?.toLowerCase() === 'auto') {
    const { workers, said } = autoWorkers();
    return { workers, ...(said ? { workersChosen: said } : {}) };
  }
  return { workers: read.integer('WORKERS', 1, { min: 1, max: MAX_WORKERS }) };
}
