import type { OpenAPIV3 } from 'openapi-types';

/** A parameter's value as the steps give it: text, an array, or an object of scalar fields. */
export type ParameterValue = string | readonly string[] | Readonly<Record<string, string>>;

/** What serialization needs of a parameter: where it goes and its `style` / `explode`. */
export type StyledParameter = Pick<OpenAPIV3.ParameterObject, 'name' | 'in' | 'style' | 'explode'> & {
  readonly allowReserved?: boolean;
};

/** OpenAPI's defaults: `form` for query and cookie, `simple` for path and header. */
export function styleOf(parameter: StyledParameter): string {
  if (parameter.style) return parameter.style;
  return parameter.in === 'query' || parameter.in === 'cookie' ? 'form' : 'simple';
}

/** `explode` defaults to true for `form` only (OpenAPI 3.0/3.1, Parameter Object). */
export function explodeOf(parameter: StyledParameter): boolean {
  return parameter.explode ?? styleOf(parameter) === 'form';
}

/**
 * How a value is written where the parameter goes: a query value form-encoded as browsers and
 * URLSearchParams do (a space is `+`), or with RFC 3986 reserved characters kept for
 * `allowReserved`; a path segment or cookie value percent-encoded; a header value as it is (HTTP
 * headers are not URLs).
 */
function encoderFor(parameter: StyledParameter): (text: string) => string {
  if (parameter.in === 'header') return (text) => text;
  if (parameter.in !== 'query') return encodeURIComponent;
  if (parameter.allowReserved === true) return encodeURI;
  return (text) => new URLSearchParams([['', text]]).toString().slice(1);
}

/**
 * The parameter serialized as OpenAPI's "Style Values" table writes it: `;color=blue,black` for a
 * matrix path value, `color=blue&color=black` for an exploded form query, `color[R]=100&…` for a
 * deepObject. Values are encoded for where they go (`encoderFor`), the style's own delimiters
 * are not.
 */
export function serializeParameter(parameter: StyledParameter, value: ParameterValue): string {
  const style = styleOf(parameter);
  const explode = explodeOf(parameter);
  const encode = encoderFor(parameter);
  const name = encodeURIComponent(parameter.name);
  const pairs = typeof value === 'string' || isList(value) ? undefined : Object.entries(value);
  const items = typeof value === 'string' ? undefined : isList(value) ? value : undefined;
  const flat = (join: string, pairJoin: string): string =>
    items
      ? items.map(encode).join(join)
      : pairs!.map(([key, item]) => `${encode(key)}${pairJoin}${encode(item)}`).join(join);
  switch (style) {
    case 'matrix':
      if (typeof value === 'string') return value === '' ? `;${name}` : `;${name}=${encode(value)}`;
      if (!explode) return `;${name}=${flat(',', ',')}`;
      return items ? items.map((item) => `;${name}=${encode(item)}`).join('') : `;${flat(';', '=')}`;
    case 'label':
      if (typeof value === 'string') return `.${encode(value)}`;
      return `.${flat('.', explode ? '=' : '.')}`;
    case 'simple':
      if (typeof value === 'string') return encode(value);
      return flat(',', explode ? '=' : ',');
    case 'spaceDelimited':
    case 'pipeDelimited': {
      const join = style === 'spaceDelimited' ? '%20' : '|';
      if (typeof value === 'string') return `${name}=${encode(value)}`;
      if (explode && items) return items.map((item) => `${name}=${encode(item)}`).join('&');
      return `${name}=${flat(join, join)}`;
    }
    case 'deepObject':
      if (!pairs)
        throw new Error(`${parameter.name}: style deepObject takes an object, not ${JSON.stringify(value)}`);
      return pairs.map(([key, item]) => `${name}[${encode(key)}]=${encode(item)}`).join('&');
    case 'form': {
      const join = parameter.in === 'cookie' ? '; ' : '&';
      if (typeof value === 'string') return `${name}=${encode(value)}`;
      if (!explode) return `${name}=${flat(',', ',')}`;
      return items ? items.map((item) => `${name}=${encode(item)}`).join(join) : flat(join, '=');
    }
    default:
      throw new Error(`${parameter.name}: unknown parameter style "${style}"`);
  }
}

function isList(value: ParameterValue): value is readonly string[] {
  return Array.isArray(value);
}

/**
 * The value a serialized parameter carries, read back by its style, for the inspector: `query` is
 * the request's decoded query pairs in order (an exploded form object takes the pairs no other
 * parameter of the operation names, `others`). Undefined when the parameter is absent.
 */
export function parseQueryParameter(
  parameter: StyledParameter,
  query: readonly (readonly [string, string])[],
  others: ReadonlySet<string>,
  shape: 'array' | 'object' | 'scalar',
): string | string[] | Record<string, string> | undefined {
  const style = styleOf(parameter);
  const explode = explodeOf(parameter);
  const own = query.filter(([key]) => key === parameter.name).map(([, value]) => value);
  if (style === 'deepObject') {
    const prefix = `${parameter.name}[`;
    const fields = query.filter(([key]) => key.startsWith(prefix) && key.endsWith(']'));
    if (fields.length === 0) return undefined;
    return Object.fromEntries(fields.map(([key, value]) => [key.slice(prefix.length, -1), value]));
  }
  if (shape === 'object' && explode && style === 'form') {
    const fields = query.filter(([key]) => !others.has(key) && key !== parameter.name);
    return fields.length === 0 ? undefined : Object.fromEntries(fields);
  }
  if (own.length === 0) return undefined;
  if (shape === 'scalar') return own.length === 1 ? own[0]! : own;
  const delimiter = style === 'spaceDelimited' ? ' ' : style === 'pipeDelimited' ? '|' : ',';
  const items = explode && shape === 'array' ? own : own.flatMap((value) => value.split(delimiter));
  return shape === 'array' ? items : pairsToObject(items);
}

/** A path or header value read back by its style (`simple`, `label`, `matrix`). */
export function parseSimpleParameter(
  parameter: StyledParameter,
  raw: string,
  shape: 'array' | 'object' | 'scalar',
): string | string[] | Record<string, string> {
  const style = styleOf(parameter);
  const explode = explodeOf(parameter);
  let text = raw;
  let delimiter = ',';
  if (style === 'label') {
    text = raw.replace(/^\./, '');
    delimiter = '.';
  } else if (style === 'matrix') {
    text = raw.replace(/^;/, '');
    if (explode && shape === 'array') {
      return text.split(';').map((item) => item.replace(new RegExp(`^${escapeRegex(parameter.name)}=`), ''));
    }
    if (explode && shape === 'object') return Object.fromEntries(text.split(';').map(splitPair));
    text = text.replace(new RegExp(`^${escapeRegex(parameter.name)}=?`), '');
  }
  if (shape === 'scalar') return text;
  const items = text.split(delimiter);
  if (shape === 'array') return items;
  return explode ? Object.fromEntries(items.map(splitPair)) : pairsToObject(items);
}

function splitPair(item: string): [string, string] {
  const at = item.indexOf('=');
  return at < 0 ? [item, ''] : [item.slice(0, at), item.slice(at + 1)];
}

function pairsToObject(items: readonly string[]): Record<string, string> {
  const result: Record<string, string> = {};
  for (let index = 0; index + 1 < items.length; index += 2) result[items[index]!] = items[index + 1]!;
  return result;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
