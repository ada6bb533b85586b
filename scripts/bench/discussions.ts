/**
 * Discussion benchmark (not a test): a server child process, 500 read-only watchers and 20 posters in one room.
 * Reports delivery latency (send → each watcher's `message:new`) p50/p99, messages and deliveries per second, and the
 * server's CPU and resident memory. Rate limits are off for the run. Everything stops after BENCH_SECONDS + setup.
 *
 *   pnpm bench:discussions            (BENCH_WATCHERS=500 BENCH_POSTERS=20 BENCH_RATE=1 BENCH_SECONDS=20 BENCH_WORKERS=4)
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { pino } from 'pino';
import { SOCKET_EVENTS } from '@common-ground/shared';
import { freePort, startLocalDatabase } from '../../server/src/database/localDatabase.ts';
import { connectSocket, request, type ClientSocket } from '../../test/realtime/discussionClient.ts';
import { createCommunity, createRoom, joinCommunityAs, registerUser } from '../../test/support/factories.ts';

const WATCHERS = Number(process.env.BENCH_WATCHERS ?? 500);
const POSTERS = Number(process.env.BENCH_POSTERS ?? 20);
/** Messages per second per poster. */
const RATE = Number(process.env.BENCH_RATE ?? 1);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
/** Watchers share accounts (each socket is still its own connection); registering 500 accounts only measures scrypt. */
const WATCHER_ACCOUNTS = Math.min(25, WATCHERS);
/** Worker threads holding the watchers, so the posting thread's timing is not starved. */
const WORKERS = Number(process.env.BENCH_WORKERS ?? 4);
const HARD_LIMIT_MS = (SECONDS + 240) * 1000;

const repoRoot = path.resolve(import.meta.dirname, '../..');
const hardStop = setTimeout(() => {
  process.stderr.write('benchmark exceeded its time bound; stopping\n');
  process.exit(2);
}, HARD_LIMIT_MS);

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
}

function sampleProcess(pid: number): { cpuSeconds: number; rssMb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const ticks = Number(stat[11]) + Number(stat[12]);
  const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return { cpuSeconds: ticks / 100, rssMb: Number(rss ?? 0) / 1024 };
}

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
  const sockets: ClientSocket[] = [];
  try {
    for (let i = 0; ; i++) {
      if ((await fetch(`${origin}/readyz`).catch(() => null))?.ok) break;
      if (i > 300 || child.exitCode !== null) throw new Error('server did not start');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    process.stdout.write(
      `server pid ${child.pid} on ${origin}; setting up ${WATCHERS} watchers and ${POSTERS} posters…\n`,
    );

    const facilitator = await registerUser(origin);
    const community = await createCommunity(origin, facilitator);
    const roomId = (await createRoom(origin, facilitator, community.id)).id;
    const posterAccounts = await Promise.all(
      Array.from({ length: POSTERS }, () => joinCommunityAs(origin, facilitator, community.id, 'member')),
    );
    const watcherAccounts = await Promise.all(
      Array.from({ length: WATCHER_ACCOUNTS }, () =>
        joinCommunityAs(origin, facilitator, community.id, 'observer'),
      ),
    );

    const cookies = watcherAccounts.map((account) => account.cookie);
    const workers = Array.from({ length: WORKERS }, (_, index) => {
      const count = Math.floor(WATCHERS / WORKERS) + (index < WATCHERS % WORKERS ? 1 : 0);
      return new Worker(path.join(import.meta.dirname, 'discussionWatchers.ts'), {
        workerData: { origin, roomId, cookies, count },
        execArgv: ['--import', 'tsx'],
      });
    });
    /** Sends a request to a worker (none for 'ready') and waits for its answer of the given type. */
    const ask = <T>(worker: Worker, type: string, request?: string): Promise<T> =>
      new Promise((resolve, reject) => {
        const onMessage = (message: { type: string }) => {
          if (message.type !== type) return;
          worker.off('message', onMessage);
          resolve(message as T);
        };
        worker.on('message', onMessage);
        worker.once('error', reject);
        if (request) worker.postMessage({ type: request });
      });
    await Promise.all(workers.map((worker) => ask(worker, 'ready')));
    const receivedSoFar = async () =>
      (
        await Promise.all(workers.map((worker) => ask<{ received: number }>(worker, 'count', 'count')))
      ).reduce((total, answer) => total + answer.received, 0);
    const posters = await Promise.all(posterAccounts.map((account) => connectSocket(origin, account.cookie)));
    sockets.push(...posters);
    process.stdout.write(
      `connected ${WATCHERS} watchers in ${WORKERS} worker threads and ${POSTERS} posters; posting for ${SECONDS}s at ${RATE}/s per poster…\n`,
    );

    const before = sampleProcess(child.pid!);
    let peakRss = before.rssMb;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, sampleProcess(child.pid!).rssMb)), 250);
    const started = performance.now();
    let acked = 0;
    let failed = 0;
    await Promise.all(
      posters.map(async (socket, index) => {
        const interval = 1000 / RATE;
        let next = started + (index / POSTERS) * interval;
        const pending: Promise<unknown>[] = [];
        while (next < started + SECONDS * 1000) {
          await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
          const body = `bench ${performance.timeOrigin + performance.now()} ${randomUUID()}`;
          pending.push(
            request(socket, SOCKET_EVENTS.messageSend, { roomId, body, clientMessageId: randomUUID() }).then(
              (answer) => (answer.ok ? acked++ : failed++),
              () => failed++,
            ),
          );
          next += interval;
        }
        await Promise.all(pending);
      }),
    );
    const sendingSeconds = (performance.now() - started) / 1000;
    const expected = acked * WATCHERS;
    const drainDeadline = Date.now() + 15_000;
    while ((await receivedSoFar()) < expected && Date.now() < drainDeadline)
      await new Promise((resolve) => setTimeout(resolve, 200));
    clearInterval(sampler);
    const after = sampleProcess(child.pid!);
    const elapsed = (performance.now() - started) / 1000;
    const results = await Promise.all(
      workers.map((worker) => ask<{ received: number; latencies: number[] }>(worker, 'result', 'stop')),
    );
    await Promise.all(workers.map((worker) => worker.terminate()));
    const received = results.reduce((total, result) => total + result.received, 0);
    const latencies = results.flatMap((result) => result.latencies);

    latencies.sort((a, b) => a - b);
    const report = {
      watchers: WATCHERS,
      posters: POSTERS,
      offeredRatePerSecond: RATE * POSTERS,
      seconds: Number(sendingSeconds.toFixed(1)),
      messagesAcked: acked,
      messagesFailed: failed,
      messagesPerSecond: Number((acked / sendingSeconds).toFixed(1)),
      deliveriesExpected: expected,
      deliveriesReceived: received,
      deliveriesPerSecond: Math.round(received / elapsed),
      latencyMs: {
        p50: Number(percentile(latencies, 50).toFixed(1)),
        p99: Number(percentile(latencies, 99).toFixed(1)),
        max: Number((latencies.at(-1) ?? NaN).toFixed(1)),
      },
      serverCpuPercentOfOneCore: Number(
        (((after.cpuSeconds - before.cpuSeconds) / elapsed) * 100).toFixed(0),
      ),
      serverRssMb: { beforePosting: Number(before.rssMb.toFixed(0)), peak: Number(peakRss.toFixed(0)) },
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    if (serverErrors) process.stdout.write(`server stderr (tail):\n${serverErrors.slice(-1500)}\n`);
  } finally {
    for (const socket of sockets) socket.close();
    child.kill('SIGTERM');
    await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
    await database?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    clearTimeout(hardStop);
  }
}

await main();
