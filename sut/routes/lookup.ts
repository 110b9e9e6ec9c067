import type { Router } from 'express';
import { describeNumber } from '../domain/lookup';
import { sendValidationErrors } from '../http/problem';
import { checkPath, queryInteger, rules } from '../http/validation';
import type { ServiceContext } from './context';

export function lookupRoutes(router: Router, context: ServiceContext): void {
  const { store } = context;

  router.get('/numbers/:number', (req, res) => {
    const number = String(req.params.number);
    const errors = checkPath('number', number, rules.number);
    if (errors.length > 0) return sendValidationErrors(res, errors);
    if (context.faults.has('lookup-hangs')) return; // never answers: the harness must time out
    const thresholds = context.faults.has('spam-threshold-off-by-one')
      ? { threshold: context.rules.threshold + 1 }
      : context.rules;
    const lookup = describeNumber(number, store.reportsOf(number), thresholds);
    if (context.faults.has('lookup-report-count-as-string')) lookup.reportCount = String(lookup.reportCount);
    if (context.faults.has('lookup-missing-kind')) delete lookup.kind;
    res.json(lookup);
  });

  router.get('/numbers/:number/reports', (req, res) => {
    const number = String(req.params.number);
    const page = queryInteger(req.query.page, 'page', 1, { minimum: 1 });
    const pageSize = queryInteger(req.query.pageSize, 'pageSize', 10, { minimum: 1, maximum: 50 });
    const errors = [
      ...checkPath('number', number, rules.number),
      ...('error' in page ? [page.error] : []),
      ...('error' in pageSize ? [pageSize.error] : []),
    ];
    if (errors.length > 0 || 'error' in page || 'error' in pageSize) return sendValidationErrors(res, errors);
    const all = store.reportsOf(number);
    const start = (page.value - 1) * pageSize.value;
    res.json({
      items: all.slice(start, start + pageSize.value).map((report) => ({
        reportId: report.reportId,
        number: report.number,
        category: report.category,
        comment: report.comment,
        reportedAt: report.reportedAt.toISOString(),
      })),
      page: page.value,
      pageSize: pageSize.value,
      totalItems: all.length,
      totalPages: Math.ceil(all.length / pageSize.value),
    });
  });
}
