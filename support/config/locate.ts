import fs from 'node:fs';
import type * as Yaml from 'yaml';

/** Turns a JSON pointer into `line:column` of the node it names in a YAML or JSON file. */
export function locatePointer(file: string, pointer: string): string | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  // Loaded only when an error is to be located.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { LineCounter, parseDocument } = require('yaml') as typeof Yaml;
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, keepSourceTokens: false });
  const segments = pointer
    .replace(/^#/, '')
    .split('/')
    .slice(1)
    .map((segment) => decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~'));
  // Walk down as far as the pointer exists: the deepest existing node is the best place to point at.
  for (let depth = segments.length; depth >= 0; depth -= 1) {
    const node = document.getIn(
      segments.slice(0, depth).map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment)),
      true,
    ) as { range?: [number, number, number] } | undefined;
    if (node?.range) {
      const { line, col } = lineCounter.linePos(node.range[0]);
      return `${line}:${col}`;
    }
  }
  return undefined;
}
