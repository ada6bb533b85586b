/**
 * Discussion benchmark (not a test): a server child process, 500 read-only watchers and 20 posters in one room.
 * Reports delivery latency (send → each watcher's `message:new`) p50/p99, messages and deliveries per second, and the
 * server's CPU and resident memory. Rate limits are off for the run. Everything stops after BENCH_SECONDS + setup.
 * The scenario itself lives in discussionCrowd.ts, which `pnpm bench:cluster` also runs across instances.
 *
 *   pnpm bench:discussions            (BENCH_WATCHERS=500 BENCH_POSTERS=20 BENCH_RATE=1 BENCH_SECONDS=20 BENCH_WORKERS=4)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { freePort, startLocalDatabase } from '../../server/src/database/localDatabase.ts';
import { discussionCrowd } from './discussionCrowd.ts';

const OPTIONS = {
  watchers: Number(process.env.BENCH_WATCHERS ?? 500),
  posters: Number(process.env.BENCH_POSTERS ?? 20),
  rate: Number(process.env.BENCH_RATE ?? 1),
  seconds: Number(process.env.BENCH_SECONDS ?? 20),
  workers: Number(process.env.BENCH_WORKERS ?? 4),
};
const HARD_LIMIT_MS = (OPTIONS.seconds + 240) * 1000;

const repoRoot = path.resolve(import.meta.dirname, '../..');
const hardStop = setTimeout(() => {
  process.stderr.write('benchmark exceeded its time bound; stopping\n');
  process.exit(2);
}, HARD_LIMIT_MS);

async function main(): Promise<void> {
  const logger = pino({ level: 'warn' });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cg-bench-'));
  const database = process.env.MONGODB_URI ? null : await startLocalDatabase({ dataDir, logger });
  const uri = process.env.MONGODB_URI ?? `${database!.uri.replace(/\/[^/]*$/, '')}/bench_${Date.now()}`;
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'server/src/main.ts')], {
    cwd: repoRoot,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      HOST: '127.0.0.1',
      MONGODB_URI: uri,
      DISABLE_RATE_LIMITS: 'true',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let serverErrors = '';
  child.stderr?.on(
    'data',
    (chunk: Buffer) => (serverErrors = (serverErrors + chunk.toString()).slice(-4000)),
  );
  const origin = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0; ; i++) {
      if ((await fetch(`${origin}/readyz`).catch(() => null))?.ok) break;
      if (i > 300 || child.exitCode !== null) throw new Error('server did not start');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    process.stdout.write(
      `server pid ${child.pid} on ${origin}; setting up ${OPTIONS.watchers} watchers and ${OPTIONS.posters} posters…\n`,
    );
    const { cpuSecondsEach, elapsedSeconds, rssMbEach, ...result } = await discussionCrowd(
      origin,
      [child.pid!],
      OPTIONS,
    );
    const report = {
      ...result,
      serverCpuPercentOfOneCore: Number(((cpuSecondsEach[0]! / elapsedSeconds) * 100).toFixed(0)),
      serverRssMb: rssMbEach[0],
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    if (serverErrors) process.stdout.write(`server stderr (tail):\n${serverErrors.slice(-1500)}\n`);
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
    await database?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    clearTimeout(hardStop);
  }
}

await main();
