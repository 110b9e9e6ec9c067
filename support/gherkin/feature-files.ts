import fs from 'node:fs';
import path from 'node:path';

/** Every `.feature` file below the given files or folders, in a stable order. */
export function findFeatureFiles(roots: readonly string[]): string[] {
  const files: string[] = [];
  for (const root of roots) {
    if (!fs.existsSync(root)) continue;
    if (fs.statSync(root).isFile()) {
      files.push(root);
      continue;
    }
    for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith('.feature'))
        files.push(path.join(entry.parentPath, entry.name));
    }
  }
  return [...new Set(files.map((file) => path.resolve(file)))].sort();
}
