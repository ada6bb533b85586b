import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { SOCKET_EVENTS } from '@common-ground/shared';
import { connectSocket, request, type ClientSocket } from '../../test/realtime/discussionClient.ts';
import { createCommunity, createRoom, joinCommunityAs, registerUser } from '../../test/support/factories.ts';

/** How many watchers and posters, how fast, for how long; watchers live in `workers` threads. */
export interface DiscussionCrowdOptions {
  watchers: number;
  posters: number;
  /** Messages per second per poster. */
  rate: number;
  seconds: number;
  workers: number;
}

/** What one run of the discussion crowd measured; CPU is per server process, in the order given. */
export interface DiscussionCrowdResult {
  watchers: number;
  posters: number;
  offeredRatePerSecond: number;
  seconds: number;
  messagesAcked: number;
  messagesFailed: number;
  messagesPerSecond: number;
  deliveriesExpected: number;
  deliveriesReceived: number;
  deliveriesPerSecond: number;
  latencyMs: { p50: number; p99: number; max: number };
  cpuSecondsEach: number[];
  elapsedSeconds: number;
  rssMbEach: { beforePosting: number; peak: number }[];
}

/** Watchers share accounts (each socket is still its own connection); registering 500 accounts only measures scrypt. */
const MAX_WATCHER_ACCOUNTS = 25;

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
}

/** CPU seconds used so far and resident memory of a process, from /proc. */
export function sampleProcess(pid: number): { cpuSeconds: number; rssMb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const ticks = Number(stat[11]) + Number(stat[12]);
  const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return { cpuSeconds: ticks / 100, rssMb: Number(rss ?? 0) / 1024 };
}

/**
 * Read-only watchers (in worker threads) and posters in one room, reached at `origin` (one instance, or a load
 * balancer in front of several, whose processes are `pids`). Latency runs from a poster's emit to each watcher's
 * `message:new`; CPU is sampled from the first post until every delivery arrived (or 15 s after the last ack).
 */
export async function discussionCrowd(
  origin: string,
  pids: number[],
  options: DiscussionCrowdOptions,
): Promise<DiscussionCrowdResult> {
  const { watchers, posters, rate, seconds } = options;
  const facilitator = await registerUser(origin);
  const community = await createCommunity(origin, facilitator);
  const roomId = (await createRoom(origin, facilitator, community.id)).id;
  const posterAccounts = await Promise.all(
    Array.from({ length: posters }, () => joinCommunityAs(origin, facilitator, community.id, 'member')),
  );
  const watcherAccounts = await Promise.all(
    Array.from({ length: Math.min(MAX_WATCHER_ACCOUNTS, watchers) }, () =>
      joinCommunityAs(origin, facilitator, community.id, 'observer'),
    ),
  );
  const cookies = watcherAccounts.map((account) => account.cookie);
  const workers = Array.from({ length: options.workers }, (_, index) => {
    const count = Math.floor(watchers / options.workers) + (index < watchers % options.workers ? 1 : 0);
    return new Worker(path.join(import.meta.dirname, 'discussionWatchers.ts'), {
      workerData: { origin, roomId, cookies, count },
      execArgv: ['--import', 'tsx'],
    });
  });
  /** Sends a request to a worker (none for 'ready') and waits for its answer of the given type. */
  const ask = <T>(worker: Worker, type: string, message?: string): Promise<T> =>
    new Promise((resolve, reject) => {
      const onMessage = (answer: { type: string }) => {
        if (answer.type !== type) return;
        worker.off('message', onMessage);
        resolve(answer as T);
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
      if (message) worker.postMessage({ type: message });
    });
  const sockets: ClientSocket[] = [];
  try {
    await Promise.all(workers.map((worker) => ask(worker, 'ready')));
    const receivedSoFar = async () =>
      (
        await Promise.all(workers.map((worker) => ask<{ received: number }>(worker, 'count', 'count')))
      ).reduce((total, answer) => total + answer.received, 0);
    sockets.push(
      ...(await Promise.all(posterAccounts.map((account) => connectSocket(origin, account.cookie)))),
    );
    process.stderr.write(
      `connected ${watchers} watchers in ${options.workers} worker threads and ${posters} posters; posting for ${seconds}s at ${rate}/s per poster…\n`,
    );

    const before = pids.map(sampleProcess);
    const peakRss = before.map((sample) => sample.rssMb);
    const sampler = setInterval(
      () => pids.forEach((pid, i) => (peakRss[i] = Math.max(peakRss[i]!, sampleProcess(pid).rssMb))),
      250,
    );
    const started = performance.now();
    let acked = 0;
    let failed = 0;
    await Promise.all(
      sockets.map(async (socket, index) => {
        const interval = 1000 / rate;
        let next = started + (index / posters) * interval;
        const pending: Promise<unknown>[] = [];
        while (next < started + seconds * 1000) {
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
    const expected = acked * watchers;
    const drainDeadline = Date.now() + 15_000;
    while ((await receivedSoFar()) < expected && Date.now() < drainDeadline)
      await new Promise((resolve) => setTimeout(resolve, 200));
    clearInterval(sampler);
    const after = pids.map(sampleProcess);
    const elapsed = (performance.now() - started) / 1000;
    const results = await Promise.all(
      workers.map((worker) => ask<{ received: number; latencies: number[] }>(worker, 'result', 'stop')),
    );
    const received = results.reduce((total, result) => total + result.received, 0);
    const latencies = results.flatMap((result) => result.latencies).sort((a, b) => a - b);
    return {
      watchers,
      posters,
      offeredRatePerSecond: rate * posters,
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
      cpuSecondsEach: after.map((sample, i) => sample.cpuSeconds - before[i]!.cpuSeconds),
      elapsedSeconds: elapsed,
      rssMbEach: before.map((sample, i) => ({
        beforePosting: Number(sample.rssMb.toFixed(0)),
        peak: Number(peakRss[i]!.toFixed(0)),
      })),
    };
  } finally {
    for (const socket of sockets) socket.close();
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
