import path from 'node:path';
import express, { type Router } from 'express';

const UI_DIR = path.join(__dirname, '..', 'ui');

/** Each page of the web app and the HTML file that holds it. */
const PAGES: Readonly<Record<string, string>> = {
  '/': 'index.html',
  '/sign-in': 'sign-in.html',
  '/sign-up': 'sign-up.html',
  '/report': 'report.html',
  '/block-list': 'block-list.html',
};

const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
};

/** The web app: plain HTML pages, one ES module script and a style sheet, all same-origin. */
export function uiRoutes(): Router {
  const router = express.Router();
  router.use((_req, res, next) => {
    res.set(SECURITY_HEADERS);
    next();
  });
  for (const [route, file] of Object.entries(PAGES)) {
    router.get(route, (_req, res, next) => {
      res.set('Cache-Control', 'no-cache');
      res.sendFile(path.join(UI_DIR, file), (error?: Error) => error && next(error));
    });
  }
  router.use(express.static(UI_DIR, { index: false, redirect: false, cacheControl: false }));
  return router;
}
