import type { Router } from 'express';
import { sendProblem } from '../http/problem';
import type { ServiceContext } from './context';

export function healthRoutes(router: Router, context: ServiceContext): void {
  router.get('/health', (_req, res) => {
    if (context.faults.has('health-undocumented-status'))
      return sendProblem(res, 418, 'Deliberate defect: undocumented status.');
    if (context.faults.has('health-text-plain')) {
      res.type('text/plain').send('ok');
      return;
    }
    res.json({
      status: 'ok',
      version: '1.0.0',
      uptimeSeconds: (context.now().getTime() - context.startedAt) / 1000,
    });
  });
}
