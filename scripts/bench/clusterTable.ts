/** One scenario on one deployment: latency, CPU per instance and of Redis and nginx, and what arrived. */
export interface Row {
  scenario: string;
  deployment: string;
  p50Ms: number;
  p99Ms: number;
  cpuEach: number[];
  helperCpu: Record<string, number>;
  delivered: string;
}

/** Prints the cluster table, with the cross-instance cost (three ÷ one) after each scenario. */
export function printClusterTable(rows: Row[]): void {
  const header = [
    'scenario',
    'deployment',
    'p50 ms',
    'p99 ms',
    'CPU s per instance',
    'CPU s instances',
    'CPU s redis',
    'CPU s nginx',
    'deliveries',
  ];
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const lines: string[][] = [];
  for (const scenario of new Set(rows.map((row) => row.scenario))) {
    const one = rows.find((row) => row.scenario === scenario && row.deployment === 'one');
    const three = rows.find((row) => row.scenario === scenario && row.deployment === 'three');
    for (const row of [one, three]) {
      if (!row) continue;
      lines.push([
        scenario,
        row.deployment === 'one' ? '1 instance' : '3 instances + Redis + nginx',
        row.p50Ms.toFixed(1),
        row.p99Ms.toFixed(1),
        row.cpuEach.map((cpu) => cpu.toFixed(2)).join(' / '),
        sum(row.cpuEach).toFixed(2),
        row.helperCpu.redis?.toFixed(2) ?? '-',
        row.helperCpu.nginx?.toFixed(2) ?? '-',
        row.delivered,
      ]);
    }
    if (one && three) {
      const total = (row: Row) => sum(row.cpuEach) + sum(Object.values(row.helperCpu));
      lines.push([
        scenario,
        'cross-instance cost (3 ÷ 1)',
        `${(three.p50Ms / one.p50Ms).toFixed(2)}×`,
        `${(three.p99Ms / one.p99Ms).toFixed(2)}×`,
        `busiest ${(Math.max(...three.cpuEach) / one.cpuEach[0]!).toFixed(2)}×`,
        `${(sum(three.cpuEach) / sum(one.cpuEach)).toFixed(2)}×`,
        '',
        `with redis+nginx ${(total(three) / total(one)).toFixed(2)}×`,
        '',
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
      format(header),
      `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`,
      ...lines.map(format),
    ].join('\n') + '\n',
  );
}
