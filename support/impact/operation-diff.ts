import type { OpenAPIV3 } from 'openapi-types';
import type { Operation } from '../contract/operation';
import { breaks, type ChangeDraft, type Emit, type Schema } from './change';
import { diffContent } from './content-diff';
import { diffResponses } from './response-diff';
import { diffSchema, schemaWalk } from './schema-diff';

/** Path parameters are matched by their place in the template: renaming one changes nothing. */
function parameterKeys(operation: Operation): Map<string, OpenAPIV3.ParameterObject> {
  const places = [...operation.pathTemplate.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
  return new Map(
    operation.parameters.map((parameter) => [
      parameter.in === 'path'
        ? `path #${places.indexOf(parameter.name) + 1}`
        : `${parameter.in}:${parameter.name}`,
      parameter,
    ]),
  );
}

const parameterWhere = (parameter: OpenAPIV3.ParameterObject): string =>
  `${parameter.in} parameter "${parameter.name}"`;

function diffParameters(before: Operation, after: Operation, emit: Emit): void {
  const old = parameterKeys(before);
  const now = parameterKeys(after);
  for (const [key, parameter] of now) {
    const previous = old.get(key);
    const where = parameterWhere(parameter);
    if (!previous) {
      const required = parameter.required === true;
      emit({
        kind: 'parameter-added',
        direction: 'request',
        where,
        text: `${required ? 'required' : 'optional'} parameter added`,
        breaksClients: required,
        breaksProvider: true,
      });
      continue;
    }
    if (!previous.required && parameter.required)
      emit({
        kind: 'parameter-made-required',
        direction: 'request',
        where,
        text: 'made required',
        ...breaks('request', 'narrower'),
      });
    if (previous.required && !parameter.required)
      emit({
        kind: 'parameter-made-optional',
        direction: 'request',
        where,
        text: 'made optional',
        ...breaks('request', 'wider'),
      });
    diffSchema(previous.schema as Schema, parameter.schema as Schema, where, schemaWalk('request', emit));
  }
  for (const [key, parameter] of old) {
    if (!now.has(key))
      emit({
        kind: 'parameter-removed',
        direction: 'request',
        where: parameterWhere(parameter),
        text: 'parameter removed',
        breaksClients: true,
        breaksProvider: false,
      });
  }
}

function diffRequestBody(before: Operation, after: Operation, emit: Emit): void {
  const old = before.definition.requestBody as OpenAPIV3.RequestBodyObject | undefined;
  const now = after.definition.requestBody as OpenAPIV3.RequestBodyObject | undefined;
  const where = 'request body';
  const direction = 'request';
  if (!old && !now) return;
  if (!old) {
    const required = now?.required === true;
    emit({
      kind: 'request-body-added',
      direction,
      where,
      text: `${required ? 'required' : 'optional'} body added`,
      breaksClients: required,
      breaksProvider: true,
    });
    return;
  }
  if (!now) {
    emit({
      kind: 'request-body-removed',
      direction,
      where,
      text: 'body removed',
      breaksClients: true,
      breaksProvider: false,
    });
    return;
  }
  if (!old.required && now.required)
    emit({
      kind: 'request-body-made-required',
      direction,
      where,
      text: 'made required',
      ...breaks(direction, 'narrower'),
    });
  if (old.required && !now.required)
    emit({
      kind: 'request-body-made-optional',
      direction,
      where,
      text: 'made optional',
      ...breaks(direction, 'wider'),
    });
  diffContent(old.content ?? {}, now.content ?? {}, where, direction, emit);
}

/** `bearer` / `bearer+apiKey[read]`: one alternative of a security requirement, canonical. */
function alternatives(operation: Operation): Set<string> {
  return new Set(
    operation.security.map((requirement) =>
      Object.entries(requirement)
        .map(([scheme, scopes]) => `${scheme}${scopes.length ? `[${[...scopes].sort().join(' ')}]` : ''}`)
        .sort()
        .join('+'),
    ),
  );
}

function diffSecurity(before: Operation, after: Operation, emit: Emit): void {
  const old = alternatives(before);
  const now = alternatives(after);
  const open = (set: Set<string>): boolean => set.size === 0 || set.has('');
  const where = 'security';
  const direction = 'request';
  if (open(old) && !open(now)) {
    emit({
      kind: 'security-added',
      direction,
      where,
      text: `now requires ${[...now].join(' or ')}`,
      breaksClients: true,
      breaksProvider: false,
    });
    return;
  }
  if (!open(old) && open(now)) {
    emit({
      kind: 'security-removed',
      direction,
      where,
      text: 'no longer requires authorization',
      breaksClients: false,
      breaksProvider: true,
    });
    return;
  }
  for (const each of now)
    if (!old.has(each))
      emit({
        kind: 'security-added',
        direction,
        where,
        text: `${each} now accepted`,
        breaksClients: false,
        breaksProvider: true,
      });
  for (const each of old)
    if (!now.has(each))
      emit({
        kind: 'security-removed',
        direction,
        where,
        text: `${each} no longer accepted`,
        breaksClients: true,
        breaksProvider: false,
      });
}

/** Every change between two versions of one operation. */
export function diffOperation(before: Operation, after: Operation): ChangeDraft[] {
  const changes: ChangeDraft[] = [];
  const emit: Emit = (change) => changes.push(change);
  diffSecurity(before, after, emit);
  diffParameters(before, after, emit);
  diffRequestBody(before, after, emit);
  diffResponses(before, after, emit);
  return changes;
}
