/**
 * Compares two V8 heap snapshots (e.g. the bench probe's, before and after opening documents with BENCH_HEAP_DIR
 * set): objects and self bytes added, grouped by constructor or type, divided by `per` (the documents opened).
 *
 *   node scripts/bench/summarizeHeap.ts <before.heapsnapshot> <after.heapsnapshot> [per=1] [top=30]
 */
import { readFileSync } from 'node:fs';

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

function groups(file: string): Map<string, { count: number; bytes: number }> {
  const heap = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
  const fields = heap.snapshot.meta.node_fields;
  const types = heap.snapshot.meta.node_types[0];
  const width = fields.length;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const result = new Map<string, { count: number; bytes: number }>();
  for (let i = 0; i < heap.nodes.length; i += width) {
    const type = types[heap.nodes[i + typeAt]!]!;
    const name = heap.strings[heap.nodes[i + nameAt]!]!;
    // Objects by constructor; strings, code, arrays and the like by their type.
    const group = type === 'object' || type === 'closure' ? `${type} ${name}` : `(${type})`;
    const entry = result.get(group) ?? { count: 0, bytes: 0 };
    entry.count += 1;
    entry.bytes += heap.nodes[i + sizeAt]!;
    result.set(group, entry);
  }
  return result;
}

const [beforeFile, afterFile, perArg, topArg] = process.argv.slice(2);
if (!beforeFile || !afterFile) throw new Error('usage: summarizeHeap.ts <before> <after> [per] [top]');
const per = Number(perArg ?? 1);
const top = Number(topArg ?? 30);
const before = groups(beforeFile);
const after = groups(afterFile);
const rows = [...after]
  .map(([group, entry]) => {
    const was = before.get(group) ?? { count: 0, bytes: 0 };
    return { group, count: (entry.count - was.count) / per, bytes: (entry.bytes - was.bytes) / per };
  })
  .sort((a, b) => b.bytes - a.bytes);
const total = rows.reduce((sum, row) => sum + row.bytes, 0);
process.stdout.write(`self bytes added per unit: ${(total / 1024).toFixed(1)} KB (divided by ${per})\n`);
for (const row of rows.slice(0, top))
  process.stdout.write(
    `${(row.bytes / 1024).toFixed(2).padStart(9)} KB  ${row.count.toFixed(1).padStart(8)} objects  ${row.group}\n`,
  );
