import { SpecError } from '../errors';
import type { Operation } from './operation';

type Segment = { literal: string } | { parameter: string };

interface Route {
  readonly template: string;
  readonly segments: readonly Segment[];
  readonly byMethod: ReadonlyMap<string, Operation>;
}

export type RouteMatch =
  | { readonly kind: 'operation'; readonly operation: Operation; readonly pathParams: Record<string, string> }
  | { readonly kind: 'undocumented-method'; readonly template: string; readonly allowed: readonly string[] }
  | { readonly kind: 'undocumented-path' };

export interface Router {
  match(method: string, path: string): RouteMatch;
}

function parseTemplate(template: string): Segment[] {
  return template
    .split('/')
    .filter((part) => part !== '')
    .map((part) => {
      const parameter = /^\{([^}]+)\}$/.exec(part);
      return parameter?.[1] ? { parameter: parameter[1] } : { literal: part };
    });
}

/** The shape of a template with parameter names erased: `/users/{}/block-list`. */
function shapeOf(segments: readonly Segment[]): string {
  return segments.map((segment) => ('literal' in segment ? segment.literal : '{}')).join('/');
}

/**
 * Matches concrete paths to path templates. Templates are tried most specific first: at the first
 * position where two differ, a static segment beats a parameter. Two templates of the same shape
 * (`/users/{id}` and `/users/{name}`) could never be told apart, so they are rejected at load.
 */
export function buildRouter(operations: readonly Operation[], specName: string): Router {
  const byTemplate = new Map<string, Map<string, Operation>>();
  for (const operation of operations) {
    const methods = byTemplate.get(operation.pathTemplate) ?? new Map<string, Operation>();
    methods.set(operation.method, operation);
    byTemplate.set(operation.pathTemplate, methods);
  }
  const routes: Route[] = [...byTemplate].map(([template, byMethod]) => ({
    template,
    segments: parseTemplate(template),
    byMethod,
  }));
  const shapes = new Map<string, string>();
  for (const route of routes) {
    const shape = shapeOf(route.segments);
    const twin = shapes.get(shape);
    if (twin) {
      throw new SpecError(
        `${specName}: ambiguous path templates "${twin}" and "${route.template}" match the same paths`,
      );
    }
    shapes.set(shape, route.template);
  }
  routes.sort(compareSpecificity);

  return {
    match(method: string, path: string): RouteMatch {
      const parts = path.split('/').filter((part) => part !== '');
      for (const route of routes) {
        const pathParams = matchSegments(route.segments, parts);
        if (!pathParams) continue;
        const operation = route.byMethod.get(method.toUpperCase());
        if (operation) return { kind: 'operation', operation, pathParams };
        return { kind: 'undocumented-method', template: route.template, allowed: [...route.byMethod.keys()] };
      }
      return { kind: 'undocumented-path' };
    },
  };
}

function compareSpecificity(a: Route, b: Route): number {
  const length = Math.min(a.segments.length, b.segments.length);
  for (let index = 0; index < length; index += 1) {
    const staticA = 'literal' in a.segments[index]!;
    const staticB = 'literal' in b.segments[index]!;
    if (staticA !== staticB) return staticA ? -1 : 1;
  }
  return b.segments.length - a.segments.length;
}

function matchSegments(
  segments: readonly Segment[],
  parts: readonly string[],
): Record<string, string> | undefined {
  if (segments.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, segment] of segments.entries()) {
    const part = parts[index]!;
    if ('literal' in segment) {
      if (segment.literal !== part) return undefined;
    } else {
      try {
        params[segment.parameter] = decodeURIComponent(part);
      } catch {
        params[segment.parameter] = part;
      }
    }
  }
  return params;
}
