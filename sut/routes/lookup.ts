import type { Router } from 'express';
import { pathParam } from '../http/params';
import { lookUp } from '../domain/lookup';
import { SPAM_THRESHOLD } from '../domain/spam-level';
import { sendValidationErrors } from '../http/problem';
import { lookupJson } from '../http/representations';
import { resource } from '../http/resource';
import { checkPath, phoneNumber } from '../http/validation';
import type { ServiceContext } from './context';

export function lookupRoutes(router: Router, { store, faults }: ServiceContext): void {
  const threshold = faults.has('spam-threshold-off-by-one') ? SPAM_THRESHOLD + 1 : SPAM_THRESHOLD;

  resource(router, '/numbers/:number', {
    get: [
      (req, res) => {
        const number = pathParam(req, 'number');
        const errors = checkPath('number', number, phoneNumber);
        if (errors.length > 0) return sendValidationErrors(res, errors);
        // Deliberate defect: never answer, so the harness's timeouts are what ends the exchange.
        if (faults.has('lookup-hangs')) return;
        const body = lookupJson(lookUp(number, store.reports.activeFor(number), threshold));
        if (faults.has('lookup-report-count-as-string')) body.reportCount = String(body.reportCount);
        if (faults.has('lookup-missing-kind')) delete body.kind;
        res.json(body);
      },
    ],
  });
}
