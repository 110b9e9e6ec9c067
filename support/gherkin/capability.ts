import fs from 'node:fs';
import path from 'node:path';

/** A capability: a folder of features right below a features root, named by its README's heading. */
export interface Capability {
  /** The folder's name (`spam-reporting`). */
  readonly id: string;
  /** The first heading of its README.md (`Spam reporting`), else the folder's name in words. */
  readonly name: string;
  /** Its README.md, when it has one. */
  readonly readme?: string;
}

/**
 * The capability a feature file belongs to. Files lying directly in a root belong to that root's
 * folder; a root given as a file stands for the folder it lies in. The living docs and Allure's
 * epics and suites name capabilities alike through this.
 */
export function capabilityOf(uri: string, featuresRoots: readonly string[]): Capability {
  const file = path.resolve(uri);
  const root = featuresRoots
    .map((candidate) => path.resolve(candidate))
    .filter((candidate) => !path.relative(candidate, file).startsWith('..'))
    .sort((a, b) => b.length - a.length)[0];
  if (!root) return named(path.basename(path.dirname(file)));
  const [folder, ...rest] = path.relative(root, file).split(path.sep);
  if (rest.length === 0 || !folder) {
    const folderOfRoot = root === file ? path.dirname(file) : root;
    return named(path.basename(folderOfRoot), path.join(folderOfRoot, 'README.md'));
  }
  return named(folder, path.join(root, folder, 'README.md'));
}

const headings = new Map<string, string | undefined>();

function named(id: string, readme?: string): Capability {
  if (readme !== undefined && !headings.has(readme)) {
    const text = fs.existsSync(readme) ? fs.readFileSync(readme, 'utf8') : '';
    headings.set(readme, /^#\s+(.+)$/m.exec(text)?.[1]?.trim());
  }
  const heading = readme === undefined ? undefined : headings.get(readme);
  return { id, name: heading ?? titleCase(id), ...(readme !== undefined ? { readme } : {}) };
}

/** `spam-reporting` → `Spam reporting`. */
export function titleCase(slug: string): string {
  return slug.replace(/[-_]+/g, ' ').replace(/^\w/, (letter) => letter.toUpperCase());
}
