import type { OpenAPIV3 } from 'openapi-types';
import type {
  ExchangeAssessment,
  ExchangeInspector,
  HttpExchange,
  InspectionContext,
  RecordedBody,
} from '../http/exchange';
import { isJsonMediaType, mediaTypeOf } from '../http/exchange';
import { coerceForm, coerceParameter } from './coerce';
import { decodeXml, isXmlMediaType } from './xml-body';
import { type Contract } from './load';
import { operationName, type Operation } from './operation';
import { parseQueryParameter, parseSimpleParameter } from './parameter-style';
import { SchemaValidators, type Direction } from './schemas';

/** Request headers OpenAPI says parameter definitions must not describe. */
const RESERVED_HEADERS = new Set(['accept', 'content-type', 'authorization']);

/**
 * Checks each exchange against the contract: it matches the operation (path template, method),
 * the response (exact status, then `2XX`-style range, then `default`) and the media type, then
 * validates the status, the content type, the declared headers, the body, and — outside
 * `@negative` scenarios — the request's parameters and body.
 */
export class ContractInspector implements ExchangeInspector {
  readonly validators: SchemaValidators;

  constructor(
    private readonly contract: Contract,
    private readonly apiBasePath: string,
  ) {
    this.validators = new SchemaValidators(contract.document, contract.dialect);
  }

  /** `lookUpNumber (GET /numbers/{number})` for an URL the contract knows, else `GET <url>`. */
  nameRequest(method: string, url: string): string {
    const match = this.contract.router.match(method, this.relativePath(new URL(url)) ?? '');
    return match.kind === 'operation' ? operationName(match.operation) : `${method} ${url}`;
  }

  inspect(exchange: HttpExchange, context: InspectionContext): ExchangeAssessment {
    return this.inspectAt(new URL(exchange.request.url), exchange, context);
  }

  /** `inspect`, for a caller that has parsed the request's URL already (`url` is not changed). */
  inspectAt(url: URL, exchange: HttpExchange, context: InspectionContext): ExchangeAssessment {
    const { request, response } = exchange;
    const path = this.relativePath(url);
    const shownPath = path ?? url.pathname;
    if (path === undefined) {
      return undocumented(
        `${request.method} ${url.pathname} is outside the API base path "${this.apiBasePath}"`,
      );
    }
    const match = this.contract.router.match(request.method, path);
    if (match.kind === 'undocumented-path') {
      return undocumented(
        `${request.method} ${shownPath}: no path in the contract matches (undocumented path)`,
      );
    }
    if (match.kind === 'undocumented-method') {
      return undocumented(
        `${request.method} ${shownPath}: ${match.template} documents ${match.allowed.join(', ')} only (undocumented method)`,
      );
    }
    const { operation } = match;
    const violations: string[] = [];
    if (!context.negative) violations.push(...this.checkRequest(operation, match.pathParams, url, exchange));

    const responseKey = responseKeyFor(operation, response.status);
    if (!responseKey) {
      violations.push(
        `status ${response.status} is not documented for ${operation.operationId} (documented: ${Object.keys(operation.responses).join(', ')})`,
      );
      return { operationId: operation.operationId, validated: false, undocumented: true, violations };
    }
    const definition = operation.responses[responseKey]!;
    const checked = this.checkResponse(`${operation.operationId} → ${responseKey}`, definition, exchange);
    violations.push(...checked.violations);
    return {
      operationId: operation.operationId,
      responseKey,
      ...(checked.mediaType ? { mediaType: checked.mediaType } : {}),
      validated: true,
      undocumented: false,
      violations,
    };
  }

  private relativePath(url: URL): string | undefined {
    const pathname = url.pathname;
    if (this.apiBasePath === '') return pathname;
    if (pathname === this.apiBasePath) return '/';
    return pathname.startsWith(`${this.apiBasePath}/`) ? pathname.slice(this.apiBasePath.length) : undefined;
  }

  /** `response` names what the contract declares, `reportNumber → 201`, for the messages. */
  private checkResponse(
    response: string,
    definition: OpenAPIV3.ResponseObject,
    exchange: HttpExchange,
  ): { violations: string[]; mediaType?: string } {
    const violations: string[] = [];
    violations.push(...this.checkResponseHeaders(response, definition, exchange.response.headers));
    const content = definition.content ?? {};
    const declaredTypes = Object.keys(content);
    const mediaType = mediaTypeOf(exchange.response.headers);
    const hasBody = exchange.response.body !== undefined;
    if (declaredTypes.length === 0) {
      if (hasBody)
        violations.push(
          `response has a body (${mediaType ?? 'no Content-Type'}) but the contract declares none`,
        );
      return { violations };
    }
    if (!mediaType) {
      violations.push(`response has no Content-Type (declared: ${declaredTypes.join(', ')})`);
      return { violations };
    }
    const declaredType = matchMediaType(mediaType, declaredTypes);
    if (!declaredType) {
      violations.push(`Content-Type ${mediaType} is not declared (declared: ${declaredTypes.join(', ')})`);
      return { violations, mediaType };
    }
    violations.push(
      ...this.checkBody('response body', content[declaredType]!, mediaType, exchange.response, 'response'),
    );
    return { violations, mediaType: declaredType };
  }

  /**
   * Every header the response declares must be sent, unless the contract says `required: false`
   * (OpenAPI's own default for headers is optional; a contract that declares a header means it).
   */
  private checkResponseHeaders(
    response: string,
    definition: OpenAPIV3.ResponseObject,
    headers: Record<string, string>,
  ): string[] {
    const violations: string[] = [];
    for (const [name, header] of Object.entries(definition.headers ?? {})) {
      const declared = header as OpenAPIV3.HeaderObject;
      if (name.toLowerCase() === 'content-type') continue;
      const value = headers[name.toLowerCase()];
      if (value === undefined) {
        if (declared.required !== false)
          violations.push(
            `missing response header ${name}, declared for ${response} (mark it required: false if it is optional)`,
          );
        continue;
      }
      violations.push(...this.checkValue(`response header ${name}`, declared.schema, value, 'response'));
    }
    return violations;
  }

  private checkRequest(
    operation: Operation,
    pathParams: Record<string, string>,
    url: URL,
    exchange: HttpExchange,
  ): string[] {
    const { request } = exchange;
    const violations: string[] = [];
    const query = [...url.searchParams.entries()];
    const named = new Set(operation.parameters.map((parameter) => parameter.name));
    for (const parameter of operation.parameters) {
      const where = `request ${parameter.in} parameter ${parameter.name}`;
      if (parameter.in === 'header' && RESERVED_HEADERS.has(parameter.name.toLowerCase())) continue;
      const raw = sentParameter(parameter, { pathParams, query, named, headers: request.headers });
      if (raw === undefined) {
        if (parameter.required) violations.push(`${where} is required but missing`);
        continue;
      }
      violations.push(...this.checkValue(where, parameter.schema, raw, 'request'));
    }
    const body = operation.definition.requestBody as OpenAPIV3.RequestBodyObject | undefined;
    if (!body) {
      if (request.body !== undefined) violations.push('request has a body but the operation declares none');
      return violations;
    }
    if (request.body === undefined) {
      if (body.required) violations.push('request body is required but missing');
      return violations;
    }
    const mediaType = mediaTypeOf(request.headers);
    const declaredTypes = Object.keys(body.content);
    const declaredType = mediaType ? matchMediaType(mediaType, declaredTypes) : undefined;
    if (!declaredType) {
      violations.push(
        `request Content-Type ${mediaType ?? '(none)'} is not declared (declared: ${declaredTypes.join(', ')})`,
      );
      return violations;
    }
    const media = body.content[declaredType]!;
    // A form arrives as text fields: read them as the types the schema declares, as parameters are.
    const sent = isFormMediaType(mediaType) ? { body: coerceForm(request.body, media.schema) } : request;
    violations.push(...this.checkBody('request body', media, mediaType!, sent, 'request'));
    return violations;
  }

  private checkBody(
    where: string,
    media: OpenAPIV3.MediaTypeObject,
    mediaType: string,
    sent: RecordedBody,
    direction: Direction,
  ): string[] {
    if (!media.schema) return [];
    // The flag, not the body's type: a JSON string body (`"abc"`) is valid JSON, checked below.
    if (isJsonMediaType(mediaType) && sent.malformedJson) {
      return [`${where} is not valid JSON although it is declared as ${mediaType}`];
    }
    const schema = media.schema as OpenAPIV3.SchemaObject;
    let body = sent.body;
    // An XML document is checked as the object it encodes, unless the contract takes it as text.
    if (isXmlMediaType(mediaType) && typeof body === 'string' && schema.type !== 'string') {
      const decoded = decodeXml(body, schema);
      if ('error' in decoded)
        return [`${where} is not well-formed XML although it is declared as ${mediaType}: ${decoded.error}`];
      body = decoded.value;
    }
    return this.validators
      .validate(schema, body, direction)
      .map((problem) => `${where} at ${problem.pointer}: ${problem.message} [rule: ${problem.rule}]`);
  }

  private checkValue(
    where: string,
    declared: unknown,
    raw: string | string[] | Record<string, string>,
    direction: Direction,
  ): string[] {
    if (!declared) return [];
    const schema = declared as OpenAPIV3.SchemaObject;
    const typed = coerceParameter(raw, schema);
    return this.validators
      .validate(schema, typed, direction)
      .map(
        (problem) =>
          `${where}${problem.pointer === '/' ? '' : ` at ${problem.pointer}`}: ${problem.message} [rule: ${problem.rule}]`,
      );
  }
}

function undocumented(violation: string): ExchangeAssessment {
  return { validated: false, undocumented: true, violations: [violation] };
}

/** Exact status first, then its range (`4XX`), then `default`. */
export function responseKeyFor(operation: Operation, status: number): string | undefined {
  const keys = Object.keys(operation.responses);
  const exact = String(status);
  if (keys.includes(exact)) return exact;
  const range = keys.find((key) => key.toUpperCase() === `${exact[0]}XX`);
  if (range) return range;
  return keys.includes('default') ? 'default' : undefined;
}

/** `application/json` matches itself, `application/*` and `*\/*`; the most specific wins. */
export function matchMediaType(actual: string, declared: readonly string[]): string | undefined {
  const normalised = declared.map((type) => [type, type.split(';')[0]!.trim().toLowerCase()] as const);
  const [family] = actual.split('/');
  return (
    normalised.find(([, type]) => type === actual)?.[0] ??
    normalised.find(([, type]) => type === `${family}/*`)?.[0] ??
    normalised.find(([, type]) => type === '*/*')?.[0]
  );
}

interface SentRequest {
  readonly pathParams: Record<string, string>;
  readonly query: readonly (readonly [string, string])[];
  /** The names of all the operation's parameters: an exploded form object takes the other pairs. */
  readonly named: ReadonlySet<string>;
  readonly headers: Record<string, string>;
}

/** The shape a parameter's schema asks for, which decides how its serialized text is read back. */
function shapeOf(parameter: OpenAPIV3.ParameterObject): 'array' | 'object' | 'scalar' {
  const type = (parameter.schema as OpenAPIV3.SchemaObject | undefined)?.type;
  return type === 'array' || type === 'object' ? type : 'scalar';
}

/** A parameter as the request sent it, read back by its style; undefined when it was not sent. */
export function sentParameter(
  parameter: OpenAPIV3.ParameterObject,
  sent: SentRequest,
): string | string[] | Record<string, string> | undefined {
  const shape = shapeOf(parameter);
  const others = new Set([...sent.named].filter((name) => name !== parameter.name));
  switch (parameter.in) {
    case 'query':
      return parseQueryParameter(parameter, sent.query, others, shape);
    case 'path': {
      const raw = sent.pathParams[parameter.name];
      return raw === undefined ? undefined : parseSimpleParameter(parameter, raw, shape);
    }
    case 'header': {
      const raw = sent.headers[parameter.name.toLowerCase()];
      return raw === undefined ? undefined : parseSimpleParameter(parameter, raw, shape);
    }
    case 'cookie': {
      const cookies = (sent.headers.cookie ?? '')
        .split(';')
        .map((pair) => pair.trim().split('=') as [string, string?])
        .filter(([name]) => name !== '')
        .map(([name, value = '']) => [name, decodeURIComponent(value)] as const);
      return parseQueryParameter(parameter, cookies, others, shape);
    }
    default:
      return undefined;
  }
}

function isFormMediaType(mediaType: string | undefined): boolean {
  return mediaType === 'application/x-www-form-urlencoded' || mediaType === 'multipart/form-data';
}
