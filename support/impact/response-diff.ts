import type { OpenAPIV3 } from 'openapi-types';
import type { Operation } from '../contract/operation';
import { breaks, type Emit, type Schema } from './change';
import { diffContent } from './content-diff';
import { diffSchema, schemaWalk } from './schema-diff';

const isSuccess = (status: string): boolean => /^2/.test(status);

/** Response headers: what clients may read. Names compare case-insensitively. */
function diffHeaders(
  before: Record<string, OpenAPIV3.HeaderObject> | undefined,
  after: Record<string, OpenAPIV3.HeaderObject> | undefined,
  status: string,
  emit: Emit,
): void {
  const byName = (headers: typeof before): Map<string, [string, OpenAPIV3.HeaderObject]> =>
    new Map(Object.entries(headers ?? {}).map(([name, header]) => [name.toLowerCase(), [name, header]]));
  const old = byName(before);
  const now = byName(after);
  const direction = 'response';
  for (const [key, [name, header]] of now) {
    const where = `response ${status} header "${name}"`;
    const previous = old.get(key)?.[1];
    if (!previous) {
      const required = header.required === true;
      emit({
        kind: 'header-added',
        direction,
        where,
        text: `${required ? 'required' : 'optional'} header added`,
        breaksClients: false,
        breaksProvider: required,
      });
      continue;
    }
    if (!previous.required && header.required)
      emit({
        kind: 'header-made-required',
        direction,
        where,
        text: 'made required',
        ...breaks(direction, 'narrower'),
      });
    if (previous.required && !header.required)
      emit({
        kind: 'header-made-optional',
        direction,
        where,
        text: 'made optional',
        ...breaks(direction, 'wider'),
      });
    diffSchema(previous.schema as Schema, header.schema as Schema, where, schemaWalk(direction, emit));
  }
  for (const [key, [name, header]] of old)
    if (!now.has(key))
      emit({
        kind: 'header-removed',
        direction,
        where: `response ${status} header "${name}"`,
        text: 'header removed',
        // Clients could count on a required header; an optional one they had to do without.
        breaksClients: header.required === true,
        breaksProvider: false,
      });
}

/** Status codes, their headers and their content: what the provider may return. */
export function diffResponses(before: Operation, after: Operation, emit: Emit): void {
  const direction = 'response';
  for (const status of Object.keys(after.responses))
    if (!(status in before.responses))
      emit({
        kind: 'status-added',
        direction,
        where: `response ${status}`,
        text: `status ${status} added`,
        breaksClients: false,
        breaksProvider: false,
      });
  for (const [status, response] of Object.entries(before.responses)) {
    const where = `response ${status}`;
    const now = after.responses[status];
    if (!now) {
      emit({
        kind: 'status-removed',
        direction,
        where,
        text: `status ${status} removed`,
        // Clients lose the success they relied on; a provider that still answers so is undocumented.
        breaksClients: isSuccess(status),
        breaksProvider: true,
      });
      continue;
    }
    diffHeaders(
      response.headers as Record<string, OpenAPIV3.HeaderObject> | undefined,
      now.headers as Record<string, OpenAPIV3.HeaderObject> | undefined,
      status,
      emit,
    );
    diffContent(response.content ?? {}, now.content ?? {}, where, direction, emit);
  }
}
