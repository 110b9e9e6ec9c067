import express, { type Request, type RequestHandler } from 'express';
import { XMLParser } from 'fast-xml-parser';
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
 * Reads a urlencoded form, a multipart form (file parts are noted by name, not kept), an XML
 * document (`<sms><keyword>…</keyword>…</sms>`, read as the form it stands for) or the SMS text
 * (text/plain, or the raw bytes as application/octet-stream); anything else is left for the
 * route to refuse with a 415.
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
  if (mediaType === 'text/plain' || mediaType === 'application/octet-stream') return { kind: 'text', text };
  if (mediaType === 'application/xml' || mediaType === 'text/xml')
    return { kind: 'form', fields: xmlFields(text), files: [] };
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

const xml = new XMLParser({ parseTagValue: false, ignoreAttributes: true, ignoreDeclaration: true });

/** The text of each child of the document's root element; none when it is not XML at all. */
function xmlFields(text: string): Record<string, string> {
  let root: unknown;
  try {
    root = Object.values(xml.parse(text, true) as Record<string, unknown>)[0];
  } catch {
    return {};
  }
  if (typeof root !== 'object' || root === null) return {};
  return Object.fromEntries(
    Object.entries(root).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}
