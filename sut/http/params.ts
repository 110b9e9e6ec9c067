import type { Request } from 'express';

/** A named path parameter of the matched route, decoded. */
export function pathParam(req: Request, name: string): string {
  const value: unknown = req.params[name];
  if (typeof value !== 'string') throw new Error(`pathParam: the route has no :${name}`);
  return value;
}
