import { randomUUID } from 'node:crypto';
import express, { type Express, type RequestHandler } from 'express';
import { notFound, problemOnError } from './http/fallbacks';
import { accountRoutes } from './routes/accounts';
import { blockListRoutes } from './routes/block-list';
import type { ServiceContext } from './routes/context';
import { healthRoutes } from './routes/health';
import { lookupRoutes } from './routes/lookup';
import { partnerRoutes } from './routes/partner';
import { reportRoutes } from './routes/reports';
import { smsReportRoutes } from './routes/sms-reports';
import { uiRoutes } from './routes/ui';

export const API_BASE_PATH = '/api/v1';

/**
 * API answers are about the current state: never cached, never answered with a 304. Each carries
 * the id of its request (`X-Request-Id`, a UUID) for support tickets and the service's logs.
 */
const apiHeaders: RequestHandler = (_req, res, next) => {
  res.set('Cache-Control', 'no-store');
  res.set('X-Request-Id', randomUUID());
  next();
};

/** The JSON API under /api/v1 and the web app at /; anything else is a 404 problem. */
export function createApp(context: ServiceContext): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  const api = express.Router();
  api.use(apiHeaders);
  healthRoutes(api, context);
  accountRoutes(api, context);
  lookupRoutes(api, context);
  reportRoutes(api, context);
  blockListRoutes(api, context);
  smsReportRoutes(api);
  partnerRoutes(api, context);
  api.use(notFound);
  api.use(problemOnError);
  app.use(API_BASE_PATH, api);

  app.use(uiRoutes());
  app.use(notFound);
  app.use(problemOnError);
  return app;
}
