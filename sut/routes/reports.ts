import type { Router } from 'express';
import { CATEGORIES } from '../domain/types';
import type { ReportCategory } from '../domain/types';
import { authorize } from '../http/auth';
import { sendProblem, sendValidationErrors } from '../http/problem';
import { checkBody, rules } from '../http/validation';
import type { ServiceContext } from './context';

export function reportRoutes(router: Router, context: ServiceContext): void {
  const { store } = context;

  router.post('/users/:username/reports', (req, res) => {
    const username = authorize(store, req, res, String(req.params.username));
    if (!username) return;
    const errors = checkBody(req.body, {
      number: { ...rules.number, required: true },
      category: { type: 'string', required: true, enum: CATEGORIES },
      comment: { type: 'string', maxLength: 500 },
    });
    if (errors.length > 0) return sendValidationErrors(res, errors);
    const { number, category, comment } = req.body as {
      number: string;
      category: ReportCategory;
      comment?: string;
    };
    const report = store.addReport(username, number, category, comment ?? null);
    if (report === 'duplicate') return sendProblem(res, 409, `You have already reported ${number}.`);
    if (!context.faults.has('report-without-location')) {
      res.location(`/api/v1/users/${encodeURIComponent(username)}/reports/${report.reportId}`);
    }
    res.status(201).json({
      reportId: report.reportId,
      number: report.number,
      category: report.category,
      comment: report.comment,
      reportedAt: report.reportedAt.toISOString(),
    });
  });

  router.delete('/users/:username/reports/:reportId', (req, res) => {
    const username = authorize(store, req, res, String(req.params.username));
    if (!username) return;
    if (!store.withdrawReport(username, String(req.params.reportId))) {
      return sendProblem(res, 404, 'You have no active report with this id.');
    }
    res.status(204).end();
  });
}
