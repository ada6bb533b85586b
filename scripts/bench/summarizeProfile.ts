/**
 * Summarises a V8 CPU profile (from `node --cpu-prof`, e.g. BENCH_PROFILE_DIR of bench:collab): the busiest
 * functions by self time and by inclusive time, and self time by package or source file, each as a share of the
 * busy (non-idle) time. When the profile's folder holds the `window.json` bench:collab writes, only samples inside the
 * scenario's measured window count (server start-up and account setup are left out).
 *
 *   node scripts/bench/summarizeProfile.ts <file.cpuprofile> [top=25] [filter=regexp on function or file]
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  startTime: number;
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, topArg, filterArg] = process.argv.slice(2);
if (!file) throw new Error('usage: summarizeProfile.ts <file.cpuprofile> [top] [filter]');
const top = Number(topArg ?? 25);
const filter = filterArg ? new RegExp(filterArg) : null;
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

/** Where a frame's code lives: a package under node_modules, a file of this repository, or a V8 category. */
function place(url: string): string {
  if (!url) return '(native / V8)';
  const pnpm = /node_modules\/\.pnpm\/[^/]+\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pnpm) return pnpm[1]!;
  const plain = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (plain) return plain[1]!;
  const repo = /\/(server|shared)\/(src|dist)\/(.*)$/.exec(url);
  if (repo) return `${repo[1]}/${repo[2]}/${repo[3]}`;
  if (url.startsWith('node:')) return url;
  return url.replace(/^file:\/\//, '');
}

function key(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  return `${functionName || '(anonymous)'} ${place(url)}${url ? `:${lineNumber + 1}` : ''}`;
}

const windowFile = path.join(path.dirname(file), 'window.json');
const measured = existsSync(windowFile)
  ? (JSON.parse(readFileSync(windowFile, 'utf8')) as { fromMicros: string; toMicros: string })
  : null;
const from = measured ? Number(measured.fromMicros) : -Infinity;
const to = measured ? Number(measured.toMicros) : Infinity;
const self = new Map<number, number>();
let at = profile.startTime;
profile.samples.forEach((id, i) => {
  at += profile.timeDeltas[i] ?? 0;
  if (at < from || at > to) return;
  self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});

let busy = 0;
const selfByFunction = new Map<string, number>();
const selfByPlace = new Map<string, number>();
const inclusive = new Map<string, number>();
for (const [id, time] of self) {
  const node = byId.get(id)!;
  if (node.callFrame.functionName === '(idle)') continue;
  busy += time;
  selfByFunction.set(key(node), (selfByFunction.get(key(node)) ?? 0) + time);
  const where = node.callFrame.url ? place(node.callFrame.url) : node.callFrame.functionName;
  selfByPlace.set(where, (selfByPlace.get(where) ?? 0) + time);
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const name = key(byId.get(at)!);
    if (seen.has(name)) continue;
    seen.add(name);
    inclusive.set(name, (inclusive.get(name) ?? 0) + time);
  }
}

function print(title: string, table: Map<string, number>): void {
  const rows = [...table]
    .filter(([name]) => !filter || filter.test(name))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top);
  process.stdout.write(`\n${title}\n`);
  for (const [name, time] of rows)
    process.stdout.write(
      `${((time / busy) * 100).toFixed(1).padStart(6)}%  ${(time / 1000).toFixed(0).padStart(7)} ms  ${name}\n`,
    );
}

process.stdout.write(
  `${file}: ${(busy / 1e6).toFixed(2)} s busy (idle excluded)${measured ? ', measured window only' : ''}\n`,
);
print('self time by package or file', selfByPlace);
print('self time by function', selfByFunction);
print('inclusive time by function', inclusive);
