import fs from 'node:fs';
import path from 'node:path';

/**
 * Applies `scrub` to every file of Allure's history folder: the history carries old results'
 * messages into every later report, so a secret that once got in would stay forever.
 */
export function scrubHistory(historyDir: string, scrub: (text: string) => string): void {
  if (!fs.existsSync(historyDir)) return;
  for (const entry of fs.readdirSync(historyDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const text = fs.readFileSync(file, 'utf8');
    const clean = scrub(text);
    if (clean !== text) fs.writeFileSync(file, clean);
  }
}
