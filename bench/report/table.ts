import Table from 'cli-table3';
import type { Row } from './rows';

const HEAD = ['metric', 'harness', 'baseline', 'ratio', 'goal', 'met?'];

function cells(row: Row): string[] {
  return [row.metric, row.harness, row.baseline, row.ratio, row.goal, row.met];
}

/** The table for the terminal. */
export function terminalTable(rows: readonly Row[]): string {
  const table = new Table({
    head: HEAD,
    style: { head: [], border: [] },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  for (const row of rows) table.push(cells(row));
  return table.toString();
}

/** The table in Markdown. */
export function markdownTable(rows: readonly Row[]): string {
  const line = (values: readonly string[]): string =>
    `| ${values.map((v) => v.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(HEAD), line(HEAD.map(() => '---')), ...rows.map((row) => line(cells(row)))].join('\n');
}
