import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { base64Forms, encodingsOf } from './secret-encodings';
import { reportFile } from './report-files';

/** A secret found in a report: where, and what kind — never the value. */
export interface SecretHit {
  /** Relative to the reports folder; `archive.zip!entry` inside an archive, `file:line` in the message stream. */
  readonly file: string;
  readonly kind: string;
}

interface Needle {
  /** The kinds of secret found in the text. */
  readonly kinds: (text: string) => string[];
}

/**
 * Credentials of well-known shapes, whoever made them: what the scanner finds without knowing the
 * run's secrets (`npm run gate` alone, the reports of other processes). A redacted or templated
 * value (`[REDACTED]`, `{{…}}`, `<token>`) and a contract's placeholder (`"string"`) are not one.
 */
const SHAPES: readonly { kind: string; pattern: RegExp }[] = [
  // Each pattern: group 1 what stays when the credential is redacted, the rest the credential.
  { kind: 'JWT', pattern: /()\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+/g },
  {
    kind: 'bearer token',
    pattern: /(\bBearer\s+)(?!\[REDACTED\])(?=[A-Za-z0-9._~+/-]*[0-9._~+/=-])[A-Za-z0-9._~+/-]{16,}/g,
  },
  {
    kind: 'Basic credentials',
    pattern: /(\bBasic\s+)(?!\[REDACTED\])(?=[A-Za-z0-9+/]*[0-9+/])[A-Za-z0-9+/]{8,}=*/g,
  },
  {
    kind: 'Authorization header',
    pattern:
      /(\\?["']authorization\\?["']\s*:\s*\\?["'])(?!(?:bearer |basic |token )?\[REDACTED\])[^"'\\]{8,}/gi,
  },
  {
    kind: 'password parameter',
    pattern:
      /([?&](?:password|passwd|pwd|secret|access_token|api_?key)=)(?!\[REDACTED\]|%5BREDACTED%5D|\{\{)[^&\s"'<]{4,}/gi,
  },
  {
    kind: 'password field',
    pattern:
      /(\\?["'](?:password|passwd|newPassword|clientSecret|client_secret|accessToken|refreshToken)\\?["']\s*:\s*\\?["'])(?!\[REDACTED\]|\{\{|<|string\\?["']|password\\?["']|\*+\\?["'])[^"'\\]{4,}/gi,
  },
  { kind: 'private key', pattern: /()-----BEGIN [A-Z ]*PRIVATE KEY-----/g },
];

/** Text with every credential of a known shape replaced: what scrubs reports made by other runs. */
export function withoutCredentialShapes(text: string): string {
  let result = text;
  for (const { pattern } of SHAPES)
    result = result.replace(pattern, (_match, kept: string) => `${kept}[REDACTED]`);
  return result;
}

function matches(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0;
  return pattern.test(text);
}

/** Every secret searched for is at least this long; shorter ones are scanned for by shape. */
const MIN_LENGTH = 4;
/** Up to this many forms, each is looked for with `indexOf` (fast); beyond, through an index. */
const FEW_FORMS = 64;

/**
 * The run's secrets in every form a report can hold them in. A few are each looked for with
 * `indexOf`; thousands (a token per scenario) are indexed by their first three characters, so
 * one pass over a file finds every one, where a search per secret would read it thousands of times.
 */
function secretNeedle(secrets: readonly string[]): Needle[] {
  const forms = new Map<string, string>();
  for (const secret of secrets) {
    if (secret.length < MIN_LENGTH) continue;
    for (const [encoding, form] of encodingsOf(secret)) forms.set(form, `a secret of the run (${encoding})`);
    for (const form of base64Forms(secret)) forms.set(form, 'a secret of the run (base64)');
  }
  if (forms.size === 0) return [];
  if (forms.size <= FEW_FORMS) {
    return [
      {
        kinds: (text) => [
          ...new Set([...forms].filter(([form]) => text.includes(form)).map(([, kind]) => kind)),
        ],
      },
    ];
  }
  // Three UTF-16 units as one number (48 bits): no string is made per position of the text.
  const keyAt = (text: string, at: number): number =>
    text.charCodeAt(at) * 2 ** 32 + text.charCodeAt(at + 1) * 2 ** 16 + text.charCodeAt(at + 2);
  const byPrefix = new Map<number, [string, string][]>();
  for (const [form, kind] of forms) {
    const key = keyAt(form, 0);
    byPrefix.set(key, [...(byPrefix.get(key) ?? []), [form, kind]]);
  }
  return [
    {
      kinds: (text: string): string[] => {
        const found = new Set<string>();
        for (let at = 0; at + MIN_LENGTH <= text.length; at += 1) {
          const bucket = byPrefix.get(keyAt(text, at));
          if (!bucket) continue;
          for (const [form, kind] of bucket) if (text.startsWith(form, at)) found.add(kind);
        }
        return [...found];
      },
    },
  ];
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

async function scanBuffer(
  where: string,
  content: Buffer,
  needles: readonly Needle[],
  hits: SecretHit[],
): Promise<void> {
  if (content.subarray(0, 4).equals(ZIP_MAGIC)) {
    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(content);
    } catch {
      hits.push({ file: where, kind: 'an archive that cannot be opened (not scanned)' });
      return;
    }
    for (const entry of Object.values(zip.files)) {
      if (!entry.dir)
        await scanBuffer(`${where}!${entry.name}`, await entry.async('nodebuffer'), needles, hits);
    }
    return;
  }
  const text = content.toString('utf8');
  const kinds = new Set(needles.flatMap((needle) => needle.kinds(text)));
  for (const kind of kinds) hits.push({ file: where, kind });
  if (where.endsWith('.ndjson')) await scanAttachments(where, text, needles, hits);
}

/** Cucumber's message stream carries binary attachments (screenshots, traces) base64-encoded. */
async function scanAttachments(
  where: string,
  text: string,
  needles: readonly Needle[],
  hits: SecretHit[],
): Promise<void> {
  if (!text.includes('"BASE64"')) return;
  for (const [index, line] of text.split('\n').entries()) {
    if (!line.includes('"BASE64"')) continue;
    let attachment: { body?: string; contentEncoding?: string } | undefined;
    try {
      attachment = (JSON.parse(line) as { attachment?: typeof attachment }).attachment;
    } catch {
      continue;
    }
    if (attachment?.contentEncoding === 'BASE64' && attachment.body) {
      await scanBuffer(`${where}:${index + 1}`, Buffer.from(attachment.body, 'base64'), needles, hits);
    }
  }
}

/**
 * Scans every file below `reportsDir` — archives and base64 attachments opened — for the given
 * secrets (in every encoding) and for credentials of well-known shapes. The secrets are only
 * compared in memory; a hit names the file and the kind of secret, never the value.
 */
export async function scanReports(reportsDir: string, secrets: readonly string[]): Promise<SecretHit[]> {
  const needles = [
    ...secretNeedle(secrets),
    ...SHAPES.map(({ kind, pattern }) => ({
      kinds: (text: string) => (matches(pattern, text) ? [kind] : []),
    })),
  ];
  const hits: SecretHit[] = [];
  if (!fs.existsSync(reportsDir)) return hits;
  for (const file of filesBelow(reportsDir)) {
    await scanBuffer(
      path.relative(reportsDir, file).split(path.sep).join('/'),
      fs.readFileSync(file),
      needles,
      hits,
    );
  }
  return hits;
}

/** Every file below the reports folder but an earlier run's results being deleted (which may go as they are read). */
function filesBelow(reportsDir: string): string[] {
  const discarded = reportFile(reportsDir, 'discarded');
  return fs.readdirSync(reportsDir, { withFileTypes: true }).flatMap((entry) => {
    const at = path.join(reportsDir, entry.name);
    if (entry.isFile()) return [at];
    if (!entry.isDirectory() || at === discarded) return [];
    return fs
      .readdirSync(at, { recursive: true, withFileTypes: true })
      .filter((below) => below.isFile())
      .map((below) => path.join(below.parentPath, below.name));
  });
}
