import type { Router } from 'express';
import { sendProblem } from '../http/problem';
import { resource } from '../http/resource';
import type { ServiceContext } from './context';

const SERVICE_VERSION = '1.0.0';

export function healthRoutes(router: Router, { faults, uptimeSeconds }: ServiceContext): void {
  resource(router, '/health', {
    get: [
      (_req, res) => {
        if (faults.has('health-undocumented-status')) {
          return sendProblem(res, 418, 'Deliberate defect: a status the contract does not document.');
        }
        if (faults.has('health-text-plain')) {
          res.type('text/plain').send('ok');
          return;
        }
        res.json({ status: 'ok', version: SERVICE_VERSION, uptimeSeconds: uptimeSeconds() });
      },
    ],
  });
}
