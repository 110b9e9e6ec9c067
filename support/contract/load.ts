import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import type { OpenAPIV3 } from 'openapi-types';
import { readOncePerChange } from '../config/read-once';
import { SpecError, UsageError, displayPath } from '../errors';
import { locatePointer } from './locate';
import { buildRouter, type Router } from './routes';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export interface Operation {
  /** The operationId, or `METHOD /path` when the spec gives none. */
  readonly operationId: string;
  readonly method: string;
  readonly pathTemplate: string;
  readonly definition: OpenAPIV3.OperationObject;
  /** Path-level and operation-level parameters merged, the operation's winning. */
  readonly parameters: readonly OpenAPIV3.ParameterObject[];
  readonly security: readonly OpenAPIV3.SecurityRequirementObject[];
  readonly responses: Readonly<Record<string, OpenAPIV3.ResponseObject>>;
}

/** `lookUpNumber (GET /numbers/{number})`: how messages name an operation. */
export function operationName(operation: Operation): string {
  return `${operation.operationId} (${operation.method} ${operation.pathTemplate})`;
}

export interface Contract {
  readonly file: string;
  readonly title: string;
  readonly version: string;
  /** Path of the first server URL (`/api/v1`), '' when the API lives at the root. */
  readonly basePath: string;
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
 * Parses, validates and dereferences an OpenAPI 3.0 document. Validation of an unchanged document
 * is remembered (by the hash of every file it is made of), so a run pays for it once per change;
 * within a process the contract is read once (the command, the results plugin and an in-process
 * worker share it) until its file changes.
 */
export function loadContract(file: string): Promise<Contract> {
  return readOncePerChange(loaded, file, readContract);
}

async function readContract(file: string): Promise<Contract> {
  const shown = displayPath(file);
  if (!fs.existsSync(file)) throw new SpecError(`${shown}: OpenAPI spec not found (set OPENAPI_SPEC)`);
  const parser = new SwaggerParser();
  let document: OpenAPIV3.Document;
  try {
    document = (await parser.dereference(file)) as OpenAPIV3.Document;
    const key = cacheKey(parser.$refs.paths());
    if (!isKnownValid(key)) {
      await SwaggerParser.validate(file);
      rememberValid(key);
    }
  } catch (error) {
    throw describeSpecError(error as ParserError, file, shown);
  }
  if (!String(document.openapi).startsWith('3.0')) {
    throw new SpecError(`${shown}: openapi ${document.openapi} is not supported (use OpenAPI 3.0.x)`);
  }
  const operations = collectOperations(document);
  const router = buildRouter(operations, shown);
  const byId = new Map(operations.map((operation) => [operation.operationId, operation]));
  return {
    file,
    title: document.info.title,
    version: document.info.version,
    basePath: basePathOf(document),
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

function basePathOf(document: OpenAPIV3.Document): string {
  const server = document.servers?.[0]?.url;
  if (!server) return '';
  const pathname = new URL(server, 'http://placeholder').pathname;
  return pathname.replace(/\/$/, '');
}

const CACHE_DIR = path.resolve(__dirname, '../../node_modules/.cache/sbe-harness');
const PARSER_VERSION = (
  JSON.parse(fs.readFileSync(require.resolve('@apidevtools/swagger-parser/package.json'), 'utf8')) as {
    version: string;
  }
).version;

function cacheKey(files: string[]): string {
  const hash = crypto.createHash('sha256');
  hash.update(PARSER_VERSION);
  for (const file of [...files].sort()) {
    hash.update(file);
    try {
      hash.update(fs.readFileSync(file));
    } catch {
      hash.update('unreadable');
    }
  }
  return hash.digest('hex');
}

function isKnownValid(key: string): boolean {
  return fs.existsSync(path.join(CACHE_DIR, `valid-spec-${key}`));
}

function rememberValid(key: string): void {
  try {
    fs.mkdirSync(CACHE_DIR, { recursive: true });
    fs.writeFileSync(path.join(CACHE_DIR, `valid-spec-${key}`), '');
  } catch {
    // A read-only checkout only loses the shortcut.
  }
}
