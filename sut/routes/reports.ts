import type { RequestHandler, Router } from 'express';
import { pathParam } from '../http/params';
import { CATEGORIES, type ReportCategory } from '../domain/types';
import { ownerOf } from '../http/auth';
import { bodyOf, jsonBody } from '../http/body';
import { sendProblem, sendValidationErrors, type FieldError } from '../http/problem';
import { reportJson } from '../http/representations';
import { resource } from '../http/resource';
import { checkPath, phoneNumber, queryInteger } from '../http/validation';
import { ownerGuards, type ServiceContext } from './context';

/** Anyone's look-up of a number's active reports: by category and period, a page at a time. */
function numberReports(router: Router, { store }: ServiceContext): void {
  resource(router, '/numbers/:number/reports', {
    get: [
      (req, res) => {
        const number = pathParam(req, 'number');
        const errors: FieldError[] = checkPath('number', number, phoneNumber);
        const page = queryInteger(req.query.page, 'page', 1, { minimum: 1 }, errors);
        const pageSize = queryInteger(
          req.query.pageSize,
          'pageSize',
          10,
          { minimum: 1, maximum: 50 },
          errors,
        );
        const categories = queryCategories(req.query.categories, errors);
        const period = queryPeriod(req.query, errors);
        if (errors.length > 0) return sendValidationErrors(res, errors);
        const active = store.reports
          .activeFor(number)
          .filter((report) => !categories || categories.includes(report.category))
          .filter((report) => within(period, report.reportedAt));
        const start = (page - 1) * pageSize;
        res.json({
          items: active.slice(start, start + pageSize).map(reportJson),
          page,
          pageSize,
          totalItems: active.length,
          totalPages: Math.ceil(active.length / pageSize),
        });
      },
    ],
  });
}

/** The owner reports a number (once until withdrawn). */
function filing(router: Router, { store, faults }: ServiceContext, owner: RequestHandler): void {
  resource(router, '/users/:username/reports', {
    post: [
      owner,
      jsonBody({
        number: { ...phoneNumber, required: true },
        category: { type: 'string', required: true, enum: CATEGORIES },
        comment: { type: 'string', maxLength: 500 },
      }),
      (req, res) => {
        const input = bodyOf<{ number: string; category: ReportCategory; comment?: string }>(req);
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
          res.location(`${req.baseUrl}/users/${encodeURIComponent(username)}/reports/${report.reportId}`);
        }
        res.status(201).json(reportJson(report));
      },
    ],
  });
}

/** The owner withdraws one of their active reports. */
function withdrawal(router: Router, { store }: ServiceContext, deletingOwner: RequestHandler): void {
  resource(router, '/users/:username/reports/:reportId', {
    delete: [
      deletingOwner,
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

export function reportRoutes(router: Router, context: ServiceContext): void {
  const { owner, deleting } = ownerGuards(context);
  numberReports(router, context);
  filing(router, context, owner);
  withdrawal(router, context, deleting);
}

/** `categories=scam&categories=fraud` (each a category), or undefined for all of them. */
function queryCategories(raw: unknown, errors: FieldError[]): ReportCategory[] | undefined {
  if (raw === undefined) return undefined;
  const values = Array.isArray(raw) ? raw : [raw];
  const wrong = values.filter((value) => !(CATEGORIES as readonly unknown[]).includes(value));
  if (wrong.length > 0) {
    errors.push({
      in: 'query',
      field: 'categories',
      message: `must each be one of ${CATEGORIES.join(', ')} (not ${wrong.map(String).join(', ')})`,
    });
  }
  return values as ReportCategory[];
}

interface Period {
  readonly from?: Date;
  readonly to?: Date;
}

/** `reportedAt[from]=…&reportedAt[to]=…` (a deep object of two date-times, each optional). */
function queryPeriod(query: Record<string, unknown>, errors: FieldError[]): Period {
  const period: { from?: Date; to?: Date } = {};
  for (const [key, raw] of Object.entries(query)) {
    const bound = /^reportedAt\[(.*)\]$/.exec(key)?.[1];
    if (bound === undefined) continue;
    const field = `reportedAt[${bound}]`;
    if (bound !== 'from' && bound !== 'to') {
      errors.push({ in: 'query', field, message: 'is not a bound of the period (from, to)' });
    } else if (typeof raw !== 'string' || !DATE_TIME.test(raw) || Number.isNaN(Date.parse(raw))) {
      errors.push({ in: 'query', field, message: 'must be a date-time such as 2026-03-01T00:00:00Z' });
    } else period[bound] = new Date(raw);
  }
  return period;
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function within(period: Period, at: Date): boolean {
  return (!period.from || at >= period.from) && (!period.to || at <= period.to);
}
