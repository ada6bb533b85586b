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

/** How each deployment is named in the table. */
const DEPLOYMENT_LABELS: Record<string, string> = {
  one: '1 instance',
  proxied: '1 instance behind nginx',
  three: '3 instances + Redis + nginx',
};

/** Prints the cluster table, with the cross-instance cost (three ÷ one, three ÷ proxied) after each scenario. */
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
    const find = (deployment: string) =>
      rows.find((row) => row.scenario === scenario && row.deployment === deployment);
    const [one, proxied, three] = [find('one'), find('proxied'), find('three')];
    for (const row of [one, proxied, three]) {
      if (!row) continue;
      lines.push([
        scenario,
        DEPLOYMENT_LABELS[row.deployment] ?? row.deployment,
        row.p50Ms.toFixed(1),
        row.p99Ms.toFixed(1),
        row.cpuEach.map((cpu) => cpu.toFixed(2)).join(' / '),
        sum(row.cpuEach).toFixed(2),
        row.helperCpu.redis?.toFixed(2) ?? '-',
        row.helperCpu.nginx?.toFixed(2) ?? '-',
        row.delivered,
      ]);
    }
    const total = (row: Row) => sum(row.cpuEach) + sum(Object.values(row.helperCpu));
    for (const [base, label] of [
      [one, 'cross-instance cost (3 ÷ 1)'],
      [proxied, 'cross-instance cost (3 ÷ 1 behind nginx)'],
    ] as const) {
      if (!base || !three) continue;
      lines.push([
        scenario,
        label,
        `${(three.p50Ms / base.p50Ms).toFixed(2)}×`,
        `${(three.p99Ms / base.p99Ms).toFixed(2)}×`,
        `busiest ${(Math.max(...three.cpuEach) / base.cpuEach[0]!).toFixed(2)}×`,
        `${(sum(three.cpuEach) / sum(base.cpuEach)).toFixed(2)}×`,
        '',
        `with redis+nginx ${(total(three) / total(base)).toFixed(2)}×`,
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
