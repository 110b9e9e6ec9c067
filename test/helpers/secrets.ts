import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';

/** A place a secret turned up: the file, and the entry inside it when it is an archive or an attachment. */
export interface Leak {
  readonly where: string;
  readonly what: string;
}

async function scanBuffer(
  where: string,
  content: Buffer,
  patterns: readonly RegExp[],
  leaks: Leak[],
): Promise<void> {
  if (content.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    const zip = await JSZip.loadAsync(content);
    for (const entry of Object.values(zip.files)) {
      if (!entry.dir)
        await scanBuffer(`${where}!${entry.name}`, await entry.async('nodebuffer'), patterns, leaks);
    }
    return;
  }
  const text = content.toString('utf8');
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (match) leaks.push({ where, what: match[0] });
  }
  if (where.endsWith('.ndjson')) {
    // Cucumber's message stream carries binary attachments (screenshots, traces) base64-encoded.
    for (const [index, line] of text.split('\n').entries()) {
      const attachment = (
        JSON.parse(line || '{}') as { attachment?: { body: string; contentEncoding: string } }
      ).attachment;
      if (attachment?.contentEncoding === 'BASE64') {
        await scanBuffer(`${where}:${index + 1}`, Buffer.from(attachment.body, 'base64'), patterns, leaks);
      }
    }
  }
}

/** Every file below `root`, archives and base64 attachments opened, searched for the patterns. */
export async function findSecrets(root: string, patterns: readonly RegExp[]): Promise<Leak[]> {
  const leaks: Leak[] = [];
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    await scanBuffer(path.relative(root, file), fs.readFileSync(file), patterns, leaks);
  }
  return leaks;
}

/** A secret-named key given a literal value (`password: "hunter22"`), or a token of a known shape. */
const CREDENTIAL_PATTERNS: readonly RegExp[] = [
  // A placeholder in brackets (`'[REDACTED]'`) is not a credential.
  /\b(?:password|passwd|secret|api[_-]?key|access[_-]?token|client[_-]?secret)["']?\s*[:=]\s*["'](?!\[)[^"'{}$<\s]{6,}["']/i,
  /\bcid_[A-Za-z0-9_-]{20,}/,
  /\bBearer\s+(?!\$|\{|<|\[REDACTED\])[A-Za-z0-9._~+/-]{16,}/,
  /\bAKIA[0-9A-Z]{16}\b/,
  /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
];

/** Credentials written into files: each file with the first credential-looking text in it. */
export function committedCredentials(files: readonly { path: string; text: string }[]): Leak[] {
  return files.flatMap(({ path: where, text }) => {
    const match = CREDENTIAL_PATTERNS.map((pattern) => pattern.exec(text)).find(Boolean);
    return match ? [{ where, what: match[0] }] : [];
  });
}
