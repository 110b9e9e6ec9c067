import fs from 'node:fs';
import type SwaggerParser from '@apidevtools/swagger-parser';
import type { OpenAPIV3 } from 'openapi-types';
import { readOncePerChange } from '../config/read-once';
import { SpecError, UsageError, displayPath } from '../errors';
import { locatePointer } from '../config/locate';
import { documentCacheEntry } from './document-cache';
import { buildRouter, type Router } from './routes';
import type { Operation } from './operation';
import { serverUrl } from './servers';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** The schema language of a contract: OpenAPI 3.0's JSON Schema subset, or 3.1's JSON Schema 2020-12. */
export type Dialect = '3.0' | '3.1';

export interface Contract {
  readonly file: string;
  readonly title: string;
  readonly version: string;
  /** The document's `openapi` field: `3.0.3`, `3.1.0`. */
  readonly openapi: string;
  readonly dialect: Dialect;
  /** Path of the first server URL, its variables at their defaults (`/api/v1`); '' at the root. */
  readonly basePath: string;
  /** The `servers` entries as written, `{variables}` unfilled: serverUrl() fills them. */
  readonly servers: readonly { url: string; description?: string }[];
  /**
   * The dereferenced document. A 3.1 document is typed as 3.0 too: the parts the harness reads
   * (paths, operations, parameters, responses, servers) have the same shape in both.
   */
  readonly document: OpenAPIV3.Document;
  readonly operations: readonly Operation[];
  readonly router: Router;
  operation(operationId: string): Operation;
}

export { SpecError };

interface ParserError extends Error {
  code?: string;
  parentPath?: string;
  targetRef?: string;
  details?: { instancePath: string; message?: string; params?: Record<string, unknown> }[];
}

/** Read once per process until the file changes. */
const loaded = new Map<string, Promise<Contract>>();

/**
 * Parses, validates and dereferences an OpenAPI 3.0 or 3.1 document. The dereferenced document of
 * a valid contract is kept on disk (document-cache.ts), so a process reading an unchanged contract
 * neither loads the parser nor parses; within a process the contract is read once (the command,
 * the results plugin and an in-process worker share it) until its file changes.
 */
export function loadContract(file: string): Promise<Contract> {
  return readOncePerChange(loaded, file, readContract);
}

interface Parsed {
  readonly document: OpenAPIV3.Document;
  readonly dialect: Dialect;
}

async function readContract(file: string): Promise<Contract> {
  const shown = displayPath(file);
  if (!fs.existsSync(file)) throw new SpecError(`${shown}: OpenAPI spec not found (set OPENAPI_SPEC)`);
  // The parser would call an empty file "not a valid JSON Schema", naming it by its absolute path.
  if (fs.statSync(file).isFile() && fs.readFileSync(file, 'utf8').trim() === '')
    throw new SpecError(`${shown}: the OpenAPI spec is empty`);
  const cache = documentCacheEntry(file);
  const cached = cache.document as OpenAPIV3.Document | undefined;
  const parsed = cached
    ? { document: cached, dialect: dialectOf(cached, shown), files: undefined }
    : await parseContract(file, shown);
  const contract = contractOf(file, shown, parsed);
  // Only a contract the harness can use is kept: a broken one always goes through the parser.
  if (parsed.files) cache.remember(parsed.files, parsed.document);
  return contract;
}

/** Parsed, dereferenced and validated, with every file it is made of; else a one-line SpecError. */
async function parseContract(file: string, shown: string): Promise<Parsed & { files: string[] }> {
  // Loaded here only: a process that finds the contract in the cache never loads the parser.
  const { default: SwaggerParserClass } = await import('@apidevtools/swagger-parser');
  const parser: SwaggerParser = new SwaggerParserClass();
  try {
    const document = (await parser.dereference(file)) as OpenAPIV3.Document;
    // Before validation: a Swagger 2.0 document is valid to the parser, and not what the harness reads.
    const dialect = dialectOf(document, shown);
    await SwaggerParserClass.validate(file);
    return { document, dialect, files: parser.$refs.paths() };
  } catch (error) {
    if (error instanceof SpecError) throw error;
    // The parser refuses versions it does not know with a message of its own; what it parsed says
    // which version it was, for the one-line refusal every unsupported version gets.
    const parsed = parser.api as unknown as VersionFields | null;
    if (parsed && typeof parsed === 'object') dialectOf(parsed, shown);
    throw describeSpecError(error as ParserError, file, shown);
  }
}

function contractOf(file: string, shown: string, { document, dialect }: Parsed): Contract {
  const operations = collectOperations(document);
  const router = buildRouter(operations, shown);
  const byId = new Map(operations.map((operation) => [operation.operationId, operation]));
  const servers = (document.servers ?? []).map(({ url, description }) => ({
    url,
    ...(description === undefined ? {} : { description }),
  }));
  return {
    file,
    title: document.info.title,
    version: document.info.version,
    openapi: document.openapi,
    dialect,
    basePath: basePathOf(file, document),
    servers,
    document,
    operations,
    router,
    operation(operationId: string): Operation {
      const found = byId.get(operationId);
      if (!found) {
        throw new UsageError(
          `unknown operation "${operationId}" in ${shown}; the operations are: ${[...byId.keys()].join(', ')}`,
        );
      }
      return found;
    },
  };
}

interface VersionFields {
  readonly openapi?: unknown;
  readonly swagger?: unknown;
}

/** `3.0.x` or `3.1.x`; any other version (Swagger 2.0 included) is refused in one line. */
function dialectOf(document: VersionFields, shown: string): Dialect {
  if (document.swagger !== undefined) {
    throw new SpecError(
      `${shown}: Swagger ${versionText(document.swagger)} is not supported: convert it to OpenAPI 3 first (npx swagger2openapi ${shown} -o openapi.yaml)`,
    );
  }
  const version = document.openapi;
  if (typeof version === 'string') {
    const dialect = /^(3\.[01])\.\d+$/.exec(version)?.[1];
    if (dialect) return dialect as Dialect;
  }
  if (version === undefined) {
    throw new SpecError(`${shown}: not an OpenAPI document (it has no "openapi" version field)`);
  }
  if (typeof version !== 'string') {
    throw new SpecError(`${shown}: openapi ${versionText(version)} must be a version string such as "3.1.0"`);
  }
  throw new SpecError(`${shown}: openapi ${version} is not supported (use OpenAPI 3.0.x or 3.1.x)`);
}

/** `2.0` as written; a YAML number (`openapi: 3.1`) or anything else as its JSON. */
function versionText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function describeSpecError(error: ParserError, file: string, shown: string): SpecError {
  if (error.code === 'EPARSER' || error.name === 'ParserError') {
    const position = /\((\d+):(\d+)\)/.exec(error.message);
    const reason = (error.message.split('\n')[0] ?? '')
      .replace(/^Error parsing [^:]+: /, '')
      .replace(/ \(\d+:\d+\)$/, '');
    return new SpecError(
      `${shown}:${position ? `${position[1]}:${position[2]}` : '1:1'}: not valid YAML/JSON: ${reason}`,
    );
  }
  if (error.code === 'EMISSINGPOINTER' || error.code === 'ERESOLVER' || error.name === 'ResolverError') {
    const at = error.parentPath ? locatePointer(file, error.parentPath) : undefined;
    const where = error.parentPath ? ` at ${error.parentPath.replace(/^[^#]*/, '')}` : '';
    return new SpecError(
      `${shown}:${at ?? '1:1'}: $ref to nowhere: ${error.targetRef ?? error.message}${where}`,
    );
  }
  if (error.details && error.details.length > 0) {
    const [first] = error.details;
    const pointer = first?.instancePath ?? '';
    const property = first?.params?.additionalProperty;
    const extra = typeof property === 'string' ? ` "${property}"` : '';
    const more = error.details.length > 1 ? ` (+${error.details.length - 1} more)` : '';
    return new SpecError(
      `${shown}:${locatePointer(file, `#${pointer}`) ?? '1:1'}: invalid OpenAPI document: ${pointer || '/'} ${first?.message ?? 'is invalid'}${extra}${more}`,
    );
  }
  return new SpecError(`${shown}: ${(error.message.split('\n')[0] ?? '').trim()}`);
}

function collectOperations(document: OpenAPIV3.Document): Operation[] {
  const operations: Operation[] = [];
  for (const [pathTemplate, item] of Object.entries(document.paths ?? {})) {
    if (!item) continue;
    for (const method of HTTP_METHODS) {
      const definition = item[method];
      if (!definition) continue;
      const merged = new Map<string, OpenAPIV3.ParameterObject>();
      for (const parameter of [...(item.parameters ?? []), ...(definition.parameters ?? [])]) {
        const resolved = parameter as OpenAPIV3.ParameterObject;
        merged.set(`${resolved.in}:${resolved.name}`, resolved);
      }
      operations.push({
        operationId: definition.operationId ?? `${method.toUpperCase()} ${pathTemplate}`,
        method: method.toUpperCase(),
        pathTemplate,
        definition,
        parameters: [...merged.values()],
        security: definition.security ?? document.security ?? [],
        responses: definition.responses as Record<string, OpenAPIV3.ResponseObject>,
      });
    }
  }
  return operations;
}

/** `{scheme}://api.example.test/{version}/` → `/v1` (defaults filled); a relative URL keeps its path. */
function basePathOf(file: string, document: OpenAPIV3.Document): string {
  let url: string;
  try {
    url = serverUrl({ file, document });
  } catch (error) {
    // A server whose variables do not add up is a broken contract, reported like any other.
    throw error instanceof UsageError ? new SpecError(error.message) : error;
  }
  return new URL(url, 'http://relative.invalid').pathname.replace(/\/$/, '');
}
