/**
 * The forms a secret takes once it has passed through the places a report is made of: JSON strings
 * (once, and twice for a JSON attachment inside the message stream), URLs and forms, HTML snapshots.
 * Redaction and the report scanner both look for every one of them, not only the raw value.
 */
export function encodingsOf(secret: string): Map<string, string> {
  const forms = new Map<string, string>();
  const add = (kind: string, form: string): void => {
    if (form.length > 0 && ![...forms.values()].includes(form)) forms.set(kind, form);
  };
  add('raw', secret);
  const json = JSON.stringify(secret).slice(1, -1);
  add('JSON-escaped', json);
  add('JSON-escaped twice', JSON.stringify(json).slice(1, -1));
  add('URL-encoded', encodeURIComponent(secret));
  add('form-encoded', encodeURIComponent(secret).replace(/%20/g, '+'));
  add('HTML-escaped', htmlEscaped(secret));
  add('HTML-escaped in JSON', JSON.stringify(htmlEscaped(secret)).slice(1, -1));
  return forms;
}

/**
 * The base64 runs that always stand for the secret, at each of the three offsets it can start at
 * inside a longer base64 text (`Authorization: Basic base64(user:password)`): only the characters
 * that depend on the secret alone are kept.
 */
export function base64Forms(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  if (bytes.length < 6) return [];
  const forms: string[] = [];
  for (const offset of [0, 1, 2]) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    // The leading characters mix in the padding bytes; the trailing ones the bytes after the secret.
    const start = offset === 0 ? 0 : offset === 1 ? 2 : 3;
    const end = Math.floor(((offset + bytes.length) * 8) / 6);
    const run = encoded.slice(start, end);
    if (run.length >= 6) forms.push(run);
  }
  return forms;
}

function htmlEscaped(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
