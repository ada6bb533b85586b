/** One server's figures in one scenario, by column title (null where a figure does not apply). */
export interface Row {
  scenario: string;
  server: string;
  values: Record<string, number | null>;
}

const OURS = 'common-ground';

function formatValue(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '-';
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) >= 100
    ? value.toFixed(0)
    : Math.abs(value) >= 10
      ? value.toFixed(1)
      : value.toFixed(2);
}

/** Prints a Markdown table of a scenario's rows, then one row per peer with every ratio ours ÷ that peer. */
export function printScenarioTable(scenario: string, rows: Row[]): void {
  if (!rows.length) {
    process.stdout.write(`\n${scenario}: no results\n`);
    return;
  }
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row.values)))];
  const header = ['server', ...columns];
  const lines = rows.map((row) => [row.server, ...columns.map((column) => formatValue(row.values[column]))]);
  const ours = rows.find((row) => row.server === OURS);
  if (ours) {
    for (const peer of rows.filter((row) => row !== ours)) {
      lines.push([
        `ours ÷ ${peer.server}`,
        ...columns.map((column) => {
          const a = ours.values[column];
          const b = peer.values[column];
          return a == null || b == null || b === 0 || Number.isNaN(a) || Number.isNaN(b)
            ? ''
            : `${(a / b).toFixed(2)}×`;
        }),
      ]);
    }
  }
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => line[column]!.length)),
  );
  const format = (cells: string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  process.stdout.write(
    [
      `\n### ${scenario}`,
      format(header),
      `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`,
      ...lines.map(format),
    ].join('\n') + '\n',
  );
}
