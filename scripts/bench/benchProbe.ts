/**
 * Preloaded into a benchmarked server (`node --expose-gc --import …/benchProbe.ts`), so the benchmark can ask it for
 * settled memory without touching the server's code. On SIGUSR2 it collects garbage until the heap stops shrinking,
 * then prints one `BENCH_PROBE {json}` line on stderr: `process.memoryUsage()`, live handles and timers by type, plus, when BENCH_COUNT_QUERIES is set,
 * the database operations counted per collection and method (through mongoose's debug hook), and, when
 * BENCH_HEAP_DIR is set, the path of a heap snapshot written after the collection.
 */
import path from 'node:path';
import { writeHeapSnapshot } from 'node:v8';

const queries: Record<string, number> = {};
if (process.env.BENCH_COUNT_QUERIES) {
  const { default: mongoose } = await import('mongoose');
  mongoose.set('debug', (collection: string, method: string) => {
    const key = `${collection}.${method}`;
    queries[key] = (queries[key] ?? 0) + 1;
  });
}

// A server without its own SIGTERM handler would die of the signal and never write its `--cpu-prof` profile.
if (process.env.BENCH_EXIT_ON_SIGTERM) process.on('SIGTERM', () => process.exit(0));

const collect = (globalThis as { gc?: () => void }).gc;
let snapshots = 0;

process.on('SIGUSR2', () => {
  void (async () => {
    if (collect) {
      // Several full collections with pauses, so finalisers and freed pages settle before RSS is read.
      let previous = Number.POSITIVE_INFINITY;
      for (let round = 0; round < 6; round += 1) {
        collect();
        await new Promise((resolve) => setTimeout(resolve, 100));
        const used = process.memoryUsage().heapUsed;
        if (previous - used < 64 * 1024) break;
        previous = used;
      }
    }
    const memory = process.memoryUsage();
    const resources: Record<string, number> = {};
    for (const type of process.getActiveResourcesInfo()) resources[type] = (resources[type] ?? 0) + 1;
    let heapSnapshot: string | null = null;
    if (process.env.BENCH_HEAP_DIR) {
      snapshots += 1;
      heapSnapshot = writeHeapSnapshot(
        path.join(process.env.BENCH_HEAP_DIR, `probe-${process.pid}-${snapshots}.heapsnapshot`),
      );
    }
    process.stderr.write(`BENCH_PROBE ${JSON.stringify({ memory, resources, queries, heapSnapshot })}\n`);
  })();
});
