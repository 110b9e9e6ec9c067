// How values are written into Gherkin so the parser gives them back as they were: table cells,
// doc strings, quoted step arguments, descriptions and comments.

/** A table cell: `\`, `|` and line breaks escaped as Gherkin unescapes them. */
export function cell(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '\\n');
}

/** A `{string}` argument: cucumber's expression unescapes `\"`. */
export function quoted(value: string): string {
  return `"${value.replace(/"/g, '\\"')}"`;
}

/** A data table, its columns aligned, indented by `indent`. */
export function table(rows: readonly (readonly string[])[], indent: string): string[] {
  const cells = rows.map((row) => row.map(cell));
  const widths =
    cells[0]?.map((_, column) => Math.max(...cells.map((row) => row[column]?.length ?? 0))) ?? [];
  return cells.map(
    (row) => `${indent}| ${row.map((text, column) => text.padEnd(widths[column] ?? 0)).join(' | ')} |`,
  );
}

/** A doc string: a `"""` inside is escaped, as Gherkin unescapes it. */
export function docString(content: string, indent: string): string[] {
  return [
    `${indent}"""`,
    ...content.split('\n').map((line) => `${indent}${line.replace(/"""/g, '\\"\\"\\"')}`.trimEnd()),
    `${indent}"""`,
  ];
}

/** Lines the parser would read as something else than description: tags, comments, keywords, tables. */
const NOT_DESCRIPTION =
  /^(@|#|\||"""|```|(Feature|Rule|Background|Scenario|Scenario Outline|Scenario Template|Example|Examples|Scenarios|Ability|Business Need)\s*:)/;

/**
 * A contract's prose as a Gherkin description: its lines indented; a line the parser would take for
 * a tag, comment, keyword or table is left out (the README keeps the whole text).
 */
export function description(text: string, indent: string): string[] {
  const kept: string[] = [];
  for (const line of text.split(/\r?\n/).map((each) => each.trim())) {
    if (line !== '' && NOT_DESCRIPTION.test(line)) continue;
    // No blank line first, and one at most between paragraphs.
    if (line === '' && (kept.length === 0 || kept[kept.length - 1] === '')) continue;
    kept.push(line);
  }
  while (kept[kept.length - 1] === '') kept.pop();
  return kept.map((line) => (line === '' ? '' : `${indent}${line}`));
}

/** A comment of several words, wrapped at about 100 columns, each line `# `. */
export function comment(text: string, indent: string, width = 100): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && indent.length + 2 + line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((each) => `${indent}# ${each}`);
}
