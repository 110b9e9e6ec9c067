import type { RequestHandler, Router } from 'express';
import { sendProblem } from './problem';

type Method = 'get' | 'post' | 'delete';

/**
 * Registers the operations of one path, and a 405 with an `Allow` header for every other method,
 * so the list of allowed methods cannot drift from the handlers.
 */
export function resource(
  router: Router,
  path: string,
  operations: Partial<Record<Method, readonly RequestHandler[]>>,
): void {
  const route = router.route(path);
  const allowed: string[] = [];
  for (const [method, handlers] of Object.entries(operations) as [Method, readonly RequestHandler[]][]) {
    route[method](...handlers);
    allowed.push(method.toUpperCase());
  }
  const allow = allowed.join(', ');
  route.all((req, res) =>
    sendProblem(res, 405, `${req.method} is not supported on this path; use ${allowed.join(' or ')}.`, {
      headers: { Allow: allow },
    }),
  );
}
