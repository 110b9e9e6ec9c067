import path from 'node:path';
import { EnvReader } from './env';

export const BROWSERS = ['chromium', 'firefox', 'webkit'] as const;
export const TRACE_MODES = ['off', 'retain-on-failure', 'on'] as const;
export type TraceMode = (typeof TRACE_MODES)[number];
export type BrowserName = (typeof BROWSERS)[number];

/**
 * Everything the harness can be told, read from the environment in this one place.
 * The README's "Configuration" table lists the same variables.
 */
export interface HarnessConfig {
  /** The API root of an external deployment; unset = start the embedded service in-process. */
  readonly baseUrl: URL | undefined;
  /** Where the web UI lives; defaults to the origin of the API. */
  readonly uiBaseUrl: URL | undefined;
  /** The OpenAPI document every exchange is checked against. */
  readonly openapiSpec: string;
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

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): HarnessConfig {
  const read = new EnvReader(env);
  const baseUrl = read.url('BASE_URL');
  return {
    baseUrl,
    uiBaseUrl: read.url('UI_BASE_URL'),
    openapiSpec: path.resolve(cwd, read.string('OPENAPI_SPEC') ?? 'specs/openapi.yaml'),
    requirementsFile: path.resolve(cwd, read.string('REQUIREMENTS') ?? 'specs/requirements.yaml'),
    gatePolicyFile: path.resolve(cwd, read.string('GATE_POLICY') ?? 'gate.config.yaml'),
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
    sutFaults: baseUrl ? undefined : read.string('SUT_FAULTS'),
    reportsDir: path.resolve(cwd, read.string('REPORTS_DIR') ?? 'reports'),
    accounts: read.accounts('ACCOUNT_'),
    workers: read.integer('WORKERS', 1, { min: 1, max: 64 }),
    shard: read.shard('SHARD'),
    redact: {
      headers: [...DEFAULT_REDACTION.headers, ...read.list('REDACT_HEADERS')],
      fields: [...DEFAULT_REDACTION.fields, ...read.list('REDACT_FIELDS')],
      query: [...DEFAULT_REDACTION.query, ...read.list('REDACT_QUERY')],
    },
  };
}

let cached: HarnessConfig | undefined;

/** The configuration of this process (each cucumber worker reads its own environment once). */
export function config(): HarnessConfig {
  cached ??= loadConfig();
  return cached;
}
