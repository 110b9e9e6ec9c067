import express, { type Request, type RequestHandler } from 'express';
import { BODY_LIMIT_BYTES } from './body';

const readText = express.text({ type: () => true, limit: BODY_LIMIT_BYTES, defaultCharset: 'utf-8' });
const forms = new WeakMap<Request, SmsBody>();

/** What a gateway sent, whatever its media type: the form fields, or the SMS text. */
export type SmsBody =
  | {
      readonly kind: 'form';
      readonly fields: Readonly<Record<string, string>>;
      readonly files: readonly string[];
    }
  | { readonly kind: 'text'; readonly text: string };

/**
 * Reads a urlencoded form, a multipart form (file parts are noted by name, not kept) or a
 * text/plain body; anything else is left for the route to refuse with a 415.
 */
export function formOrText(): RequestHandler {
  return (req, res, next) => {
    readText(req, res, (error?: unknown) => {
      if (error) return next(error);
      const type = req.get('content-type') ?? '';
      const text = typeof req.body === 'string' ? req.body : '';
      const parsed = parse(type, text);
      if (parsed) forms.set(req, parsed);
      next();
    });
  };
}

export function smsBodyOf(req: Request): SmsBody | undefined {
  return forms.get(req);
}

function parse(contentType: string, text: string): SmsBody | undefined {
  const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
  if (mediaType === 'text/plain') return { kind: 'text', text };
  if (mediaType === 'application/x-www-form-urlencoded') {
    return { kind: 'form', fields: Object.fromEntries(new URLSearchParams(text)), files: [] };
  }
  if (mediaType !== 'multipart/form-data') return undefined;
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  const fields: Record<string, string> = {};
  const files: string[] = [];
  for (const part of boundary ? text.split(`--${boundary}`).slice(1) : []) {
    const end = part.indexOf('\r\n\r\n');
    if (part.startsWith('--') || end < 0) continue;
    const head = part.slice(0, end);
    const name = /name="([^"]*)"/i.exec(head)?.[1];
    if (name === undefined) continue;
    if (/filename="/i.test(head)) files.push(name);
    else fields[name] = part.slice(end + 4).replace(/\r\n$/, '');
  }
  return { kind: 'form', fields, files };
}
