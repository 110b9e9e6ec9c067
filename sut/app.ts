import path from 'node:path';
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import { sendProblem } from './http/problem';
import { accountRoutes } from './routes/accounts';
import { blockListRoutes } from './routes/block-list';
import type { ServiceContext } from './routes/context';
import { healthRoutes } from './routes/health';
import { lookupRoutes } from './routes/lookup';
import { reportRoutes } from './routes/reports';

export const API_BASE_PATH = '/api/v1';

/** Which methods each path of the API answers, for the 405s. */
const PATHS: Readonly<Record<string, readonly string[]>> = {
  '/health': ['GET'],
  '/users': ['POST'],
  '/auth/token': ['POST'],
  '/numbers/:number': ['GET'],
  '/numbers/:number/reports': ['GET'],
  '/users/:username/reports': ['POST'],
  '/users/:username/reports/:reportId': ['DELETE'],
  '/users/:username/block-list': ['GET', 'POST'],
  '/users/:username/block-list/:number': ['DELETE'],
};

const PAGES: Readonly<Record<string, string>> = {
  '/': 'index.html',
  '/sign-in': 'sign-in.html',
  '/sign-up': 'sign-up.html',
  '/report': 'report.html',
  '/block-list': 'block-list.html',
};

/** Bodies are JSON: anything else sent to the API is refused before it is read. */
const requireJson: RequestHandler = (req, res, next) => {
  if (req.method === 'POST' && !req.is(['application/json', 'application/*+json'])) {
    return sendProblem(res, 415, 'Send the request body as application/json.');
  }
  next();
};

/** Malformed JSON, oversized bodies and anything unexpected become problems; never a stack trace. */
const problems: ErrorRequestHandler = (error: { type?: string; status?: number }, _req, res, next) => {
  if (res.headersSent) return next(error);
  if (error.type === 'entity.parse.failed') {
    return sendProblem(res, 400, 'body: is not valid JSON', {
      errors: [{ in: 'body', field: 'body', message: 'is not valid JSON' }],
    });
  }
  if (error.type === 'entity.too.large')
    return sendProblem(res, 413, 'The request body is larger than 16 KiB.');
  if (error.type === 'encoding.unsupported' || error.type === 'charset.unsupported') {
    return sendProblem(res, 415, 'Send the request body as UTF-8 JSON.');
  }
  return sendProblem(res, 500, 'The request could not be completed.');
};

export function createApp(context: ServiceContext): Express {
  const app = express();
  app.disable('x-powered-by');

  const api = express.Router();
  api.use(requireJson, express.json({ limit: '16kb', type: ['application/json', 'application/*+json'] }));
  healthRoutes(api, context);
  accountRoutes(api, context);
  lookupRoutes(api, context);
  reportRoutes(api, context);
  blockListRoutes(api, context);
  for (const [route, methods] of Object.entries(PATHS)) {
    api.all(route, (req, res) =>
      sendProblem(res, 405, `${req.method} is not supported here; use ${methods.join(' or ')}.`, {
        headers: { Allow: methods.join(', ') },
      }),
    );
  }
  api.use((req, res) => sendProblem(res, 404, `There is no ${req.path} in this API.`));
  api.use(problems);
  app.use(API_BASE_PATH, api);

  const ui = path.join(__dirname, 'ui');
  for (const [route, file] of Object.entries(PAGES))
    app.get(route, (_req, res) => res.sendFile(path.join(ui, file)));
  app.use(express.static(ui, { index: false }));
  return app;
}
