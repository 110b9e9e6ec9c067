import type { Router } from 'express';
import { pathParam } from '../http/params';
import { CATEGORIES, type ReportCategory } from '../domain/types';
import { ownerOf, requireOwner } from '../http/auth';
import { bodyOf, jsonBody } from '../http/body';
import { sendProblem, sendValidationErrors } from '../http/problem';
import { reportJson } from '../http/representations';
import { resource } from '../http/resource';
import { checkBody, checkPath, phoneNumber, queryInteger } from '../http/validation';
import type { ServiceContext } from './context';

export function reportRoutes(router: Router, { store, faults }: ServiceContext): void {
  const owner = requireOwner(store.accounts, faults);

  resource(router, '/numbers/:number/reports', {
    get: [
      (req, res) => {
        const number = pathParam(req, 'number');
        const page = queryInteger(req.query.page, 'page', 1, { minimum: 1 });
        const pageSize = queryInteger(req.query.pageSize, 'pageSize', 10, { minimum: 1, maximum: 50 });
        const errors = [
          ...checkPath('number', number, phoneNumber),
          ...('error' in page ? [page.error] : []),
          ...('error' in pageSize ? [pageSize.error] : []),
        ];
        if (errors.length > 0 || 'error' in page || 'error' in pageSize)
          return sendValidationErrors(res, errors);
        const active = store.reports.activeFor(number);
        const start = (page.value - 1) * pageSize.value;
        res.json({
          items: active.slice(start, start + pageSize.value).map(reportJson),
          page: page.value,
          pageSize: pageSize.value,
          totalItems: active.length,
          totalPages: Math.ceil(active.length / pageSize.value),
        });
      },
    ],
  });

  resource(router, '/users/:username/reports', {
    post: [
      owner,
      jsonBody,
      (req, res) => {
        const body = bodyOf(req);
        const errors = checkBody(body, {
          number: { ...phoneNumber, required: true },
          category: { type: 'string', required: true, enum: CATEGORIES },
          comment: { type: 'string', maxLength: 500 },
        });
        if (errors.length > 0) return sendValidationErrors(res, errors);
        const input = body as { number: string; category: ReportCategory; comment?: string };
        if (faults.has('report-comment-crashes') && /['"<]/.test(input.comment ?? '')) {
          throw new Error('the comment broke the report store');
        }
        const username = ownerOf(req);
        const report = store.reports.add(username, input.number, input.category, input.comment ?? null);
        if (report === 'duplicate') {
          return sendProblem(
            res,
            409,
            `You have already reported ${input.number}; withdraw that report first.`,
          );
        }
        if (!faults.has('report-without-location')) {
          res.location(`/api/v1/users/${encodeURIComponent(username)}/reports/${report.reportId}`);
        }
        res.status(201).json(reportJson(report));
      },
    ],
  });

  resource(router, '/users/:username/reports/:reportId', {
    delete: [
      owner,
      (req, res) => {
        // A malformed id cannot be one of the person's reports: 404, as the contract has no 400 here.
        if (!store.reports.withdraw(ownerOf(req), pathParam(req, 'reportId'))) {
          return sendProblem(res, 404, 'You have no active report with this id.');
        }
        res.status(204).end();
      },
    ],
  });
}
