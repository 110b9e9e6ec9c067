import { randomBytes } from 'node:crypto';

/** One field of a form: text, or a file part (`@file:<path>` in a feature). */
export type FormField =
  | { readonly name: string; readonly value: string }
  | {
      readonly name: string;
      readonly file: { readonly filename: string; readonly content: Buffer; readonly contentType: string };
    };

export const URLENCODED = 'application/x-www-form-urlencoded';
export const MULTIPART = 'multipart/form-data';

/** `number=%2B886…&keyword=SPAM`; a file field sends its content as text. */
export function encodeUrlEncoded(fields: readonly FormField[]): string {
  const params = new URLSearchParams();
  for (const field of fields)
    params.append(field.name, 'value' in field ? field.value : field.file.content.toString('utf8'));
  return params.toString();
}

/** A multipart/form-data body and the Content-Type that names its boundary. */
export function encodeMultipart(fields: readonly FormField[]): { body: Buffer; contentType: string } {
  const boundary = `----sbe${randomBytes(12).toString('hex')}`;
  const parts = fields.flatMap((field) => {
    const head =
      'value' in field
        ? `--${boundary}\r\nContent-Disposition: form-data; name="${quoted(field.name)}"\r\n\r\n`
        : `--${boundary}\r\nContent-Disposition: form-data; name="${quoted(field.name)}"; filename="${quoted(field.file.filename)}"\r\nContent-Type: ${field.file.contentType}\r\n\r\n`;
    const content = 'value' in field ? Buffer.from(field.value, 'utf8') : field.file.content;
    return [Buffer.from(head, 'utf8'), content, Buffer.from('\r\n', 'utf8')];
  });
  return {
    body: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`, 'utf8')]),
    contentType: `${MULTIPART}; boundary=${boundary}`,
  };
}

function quoted(text: string): string {
  return text.replace(/"/g, '%22').replace(/\r|\n/g, ' ');
}

/**
 * A form body decoded to the object it encodes, so it can be validated against the schema of its
 * media type: a repeated field becomes an array, a file part its content as text. Undefined when
 * the media type is not a form or the multipart body has no boundary.
 */
export function decodeForm(
  contentType: string | undefined,
  text: string,
): Record<string, unknown> | undefined {
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
  if (mediaType === URLENCODED) return collect(new URLSearchParams(text).entries());
  if (mediaType !== MULTIPART) return undefined;
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType ?? '')?.[1];
  if (!boundary) return undefined;
  const pairs: [string, string][] = [];
  for (const part of text.split(`--${boundary}`).slice(1)) {
    if (part.startsWith('--')) break;
    const end = part.indexOf('\r\n\r\n');
    if (end < 0) continue;
    const name = /name="([^"]*)"/i.exec(part.slice(0, end))?.[1];
    if (name !== undefined) pairs.push([name, part.slice(end + 4).replace(/\r\n$/, '')]);
  }
  return collect(pairs);
}

function collect(pairs: Iterable<[string, string]>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [name, value] of pairs) {
    const known = result[name];
    if (known === undefined) result[name] = value;
    else result[name] = Array.isArray(known) ? [...(known as string[]), value] : [known, value];
  }
  return result;
}

/** Media types of the file parts the harness recognises by extension; anything else is octet-stream. */
export function contentTypeOfFile(filename: string): string {
  const extension = filename.toLowerCase().split('.').pop() ?? '';
  const known: Record<string, string> = {
    txt: 'text/plain',
    json: 'application/json',
    png: 'image/png',
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
    pdf: 'application/pdf',
    xml: 'application/xml',
    csv: 'text/csv',
  };
  return known[extension] ?? 'application/octet-stream';
}
