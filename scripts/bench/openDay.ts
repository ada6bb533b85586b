/**
 * Open-day benchmark (not a test): one server child process and 500 visitors in one live open day, all following the
 * host, asking questions and voting, while the host moves through the document and approves questions. Reports
 * delivery latency p50/p99 of host positions (to followers), approved questions and vote updates (to everyone), and
 * the server's CPU and memory. Registration runs through the real routes and real SMTP (an in-process sink).
 *
 *   pnpm bench:openday        (BENCH_VISITORS=500 BENCH_SECONDS=20 BENCH_VOTES_PER_SECOND=5)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { pino } from 'pino';
import { SMTPServer } from 'smtp-server';
import { io, type Socket } from 'socket.io-client';
import {
  SOCKET_EVENTS,
  SOCKET_IO_PATH,
  SESSION_COOKIE,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@common-ground/shared';
import { freePort, startLocalDatabase } from '../../server/src/database/localDatabase.ts';
import { sampleProcess } from './discussionCrowd.ts';

const OPTIONS = {
  visitors: Number(process.env.BENCH_VISITORS ?? 500),
  seconds: Number(process.env.BENCH_SECONDS ?? 20),
  votesPerSecond: Number(process.env.BENCH_VOTES_PER_SECOND ?? 5),
};
const hardStop = setTimeout(
  () => {
    process.stderr.write('benchmark exceeded its time bound; stopping\n');
    process.exit(2);
  },
  (OPTIONS.seconds + 1200) * 1000,
);

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
const benchStart = Date.now();
const log = (line: string) =>
  process.stdout.write(`[${((Date.now() - benchStart) / 1000).toFixed(1)}s] ${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
const summary = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    deliveries: sorted.length,
    p50Ms: Number(percentile(sorted, 50).toFixed(1)),
    p99Ms: Number(percentile(sorted, 99).toFixed(1)),
    maxMs: Number((sorted.at(-1) ?? NaN).toFixed(1)),
  };
};

/** Runs `task` over `items` with at most `limit` at once. */
async function inBatches<T, R>(items: T[], limit: number, task: (item: T, index: number) => Promise<R>) {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await task(items[index]!, index);
      }
    }),
  );
  return results;
}

async function main(): Promise<void> {
  const logger = pino({ level: 'warn' });
  const repoRoot = path.resolve(import.meta.dirname, '../..');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cg-bench-'));
  const database = process.env.MONGODB_URI ? null : await startLocalDatabase({ dataDir, logger });
  const uri = process.env.MONGODB_URI ?? `${database!.uri.replace(/\/[^/]*$/, '')}/bench_${Date.now()}`;

  // A mail sink: keeps the pass link of each confirmation.
  const passTokens = new Map<string, string>();
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const to = [mail.to ?? []].flat()[0]?.value[0]?.address ?? '';
          const token = /\/open-day-pass#token=([A-Za-z0-9_%-]+)/.exec(mail.text ?? '')?.[1];
          if (token) passTokens.set(to.toLowerCase(), decodeURIComponent(token));
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const smtpPort = (smtp.server.address() as AddressInfo).port;

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
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      MAIL_FROM: 'bench@cg.example',
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
  const call = async <T>(method: string, url: string, body?: unknown, cookie?: string) => {
    const response = await fetch(`${origin}${url}`, {
      method,
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${text}`);
    const setCookie = response.headers.getSetCookie().find((entry) => entry.startsWith(`${SESSION_COOKIE}=`));
    return { body: (text ? JSON.parse(text) : undefined) as T, cookie: setCookie?.split(';')[0] ?? null };
  };
  const connect = (cookie: string) =>
    new Promise<ClientSocket>((resolve, reject) => {
      const socket: ClientSocket = io(origin, {
        path: SOCKET_IO_PATH,
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        extraHeaders: { cookie },
      });
      sockets.push(socket);
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', reject);
    });

  try {
    for (let i = 0; ; i++) {
      if ((await fetch(`${origin}/readyz`).catch(() => null))?.ok) break;
      if (i > 300 || child.exitCode !== null) throw new Error(`server did not start\n${serverErrors}`);
      await sleep(100);
    }
    // The host, their community, and a live open day with a place for everyone.
    const host = await call<unknown>('POST', '/api/auth/register', {
      email: 'host@bench.example',
      password: 'a long enough password',
      displayName: 'Bench Host',
    });
    const hostCookie = host.cookie!;
    const community = await call<{ community: { id: string } }>(
      'POST',
      '/api/communities',
      { name: 'Bench community', purpose: 'Benchmarking open days' },
      hostCookie,
    );
    const startsAt = new Date(Date.now() - 10 * 60_000);
    const { body: scheduled } = await call<{ openDay: { id: string; slug: string } }>(
      'POST',
      `/api/communities/${community.body.community.id}/open-days`,
      {
        title: 'Bench open day',
        description: 'Five hundred visitors',
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 4 * 3600_000).toISOString(),
        capacity: OPTIONS.visitors,
        safeguardingLead: { name: 'Sam Lead', email: 'lead@bench.example' },
      },
      hostCookie,
    );
    const openDayId = scheduled.openDay.id;
    log(`server pid ${child.pid}; registering ${OPTIONS.visitors} visitors by email…`);
    const emails = Array.from({ length: OPTIONS.visitors }, (_, index) => `visitor-${index}@bench.example`);
    await inBatches(emails, 20, (email, index) =>
      call('POST', `/api/open-days/${scheduled.openDay.slug}/registrations`, {
        displayName: `Visitor ${index}`,
        email,
        organisationName: `Council ${index % 25}`,
        role: 'Practice lead',
      }),
    );
    log(`registered; waiting for ${OPTIONS.visitors} pass emails…`);
    for (let i = 0; passTokens.size < OPTIONS.visitors; i++) {
      if (i > 1200) throw new Error(`only ${passTokens.size} pass emails arrived`);
      await sleep(100);
    }
    const cookies = await inBatches(emails, 20, async (email) => {
      const { cookie } = await call('POST', '/api/open-day-passes/session', { token: passTokens.get(email) });
      return cookie!;
    });
    log(
      `opened ${cookies.length} passes; connecting ${OPTIONS.visitors} visitor sockets, joining and following…`,
    );
    const hostSocket = await connect(hostCookie);
    const hostJoin = await hostSocket.timeout(30_000).emitWithAck(SOCKET_EVENTS.openDayJoin, { openDayId });
    if (!hostJoin.ok) throw new Error(hostJoin.error.message);

    const positionLatencies: number[] = [];
    const questionLatencies: number[] = [];
    const voteLatencies: number[] = [];
    const approvedAt = new Map<string, number>();
    const voteSentAt = new Map<string, number>();
    const voteReceipts: [key: string, at: number][] = [];
    const seenApproved = new Map<ClientSocket, Set<string>>();
    const visitors = await inBatches(cookies, 20, async (cookie) => {
      const socket = await connect(cookie);
      const joined = await socket.timeout(30_000).emitWithAck(SOCKET_EVENTS.openDayJoin, { openDayId });
      if (!joined.ok) throw new Error(joined.error.message);
      const followed = await socket
        .timeout(30_000)
        .emitWithAck(SOCKET_EVENTS.openDayFollow, { openDayId, following: true });
      if (!followed.ok) throw new Error(followed.error.message);
      const seen = new Set<string>();
      seenApproved.set(socket, seen);
      socket.on(SOCKET_EVENTS.openDayHostPosition, (event) => {
        positionLatencies.push(Date.now() - Date.parse(event.sentAt));
      });
      socket.on(SOCKET_EVENTS.openDayQuestion, ({ question }) => {
        const now = Date.now();
        if (!seen.has(question.id)) {
          seen.add(question.id);
          const at = approvedAt.get(question.id);
          if (at !== undefined) questionLatencies.push(now - at);
          return;
        }
        voteReceipts.push([`${question.id}:${question.votes}`, now]);
      });
      return { socket, cookie };
    });

    log(
      `running for ${OPTIONS.seconds}s: host moves every second, a question every 2s, ${OPTIONS.votesPerSecond} votes/s…`,
    );
    await sleep(1500); // let the joins' headcount settle before measuring
    const before = sampleProcess(child.pid!);
    const started = Date.now();
    const approved: string[] = [];
    let asked = 0;
    const timers: NodeJS.Timeout[] = [];
    timers.push(
      setInterval(() => {
        hostSocket.emit(SOCKET_EVENTS.openDayPosition, {
          openDayId,
          headingId: `section-${Date.now() % 1000}`,
        });
      }, 1000),
    );
    timers.push(
      setInterval(() => {
        const asker = visitors[asked % visitors.length]!;
        asked += 1;
        void (async () => {
          const { body } = await call<{ question: { id: string } }>(
            'POST',
            '/api/open-day-pass/questions',
            { text: `Bench question ${asked}: how is it commissioned?` },
            asker.cookie,
          );
          approvedAt.set(body.question.id, Date.now());
          await call(
            'POST',
            `/api/hosted-open-days/${openDayId}/questions/${body.question.id}/moderation`,
            { action: 'approve' },
            hostCookie,
          );
          approved.push(body.question.id);
        })().catch((error: unknown) => process.stderr.write(`question failed: ${String(error)}\n`));
      }, 2000),
    );
    let voter = 0;
    timers.push(
      setInterval(() => {
        if (!approved.length) return;
        const questionId = approved[voter % approved.length]!;
        const visitor = visitors[(voter * 7) % visitors.length]!;
        voter += 1;
        const sentAt = Date.now();
        void call<{ question: { id: string; votes: number } }>(
          'PUT',
          `/api/open-day-pass/questions/${questionId}/vote`,
          {},
          visitor.cookie,
        )
          .then(({ body }) => {
            const key = `${questionId}:${body.question.votes}`;
            if (!voteSentAt.has(key)) voteSentAt.set(key, sentAt);
          })
          .catch(() => undefined); // a second vote by the same pass is refused, as it should be
      }, 1000 / OPTIONS.votesPerSecond),
    );
    await sleep(OPTIONS.seconds * 1000);
    log('stopping; waiting 3s for deliveries in flight…');
    for (const timer of timers) clearInterval(timer);
    await sleep(3000);
    const elapsed = (Date.now() - started) / 1000;
    // Receipts are matched to the vote that produced that count once the run is over, so none arriving before the
    // voter's own HTTP answer is missed.
    for (const [key, at] of voteReceipts) {
      const sentAt = voteSentAt.get(key);
      if (sentAt !== undefined) voteLatencies.push(at - sentAt);
    }
    const after = sampleProcess(child.pid!);
    const report = {
      visitors: OPTIONS.visitors,
      seconds: OPTIONS.seconds,
      hostPositionsToFollowers: summary(positionLatencies),
      approvedQuestionsToEveryone: summary(questionLatencies),
      voteUpdatesToEveryone: summary(voteLatencies),
      questionsApproved: approved.length,
      serverCpuPercentOfOneCore: Number(
        (((after.cpuSeconds - before.cpuSeconds) / elapsed) * 100).toFixed(0),
      ),
      serverRssMb: Number(after.rssMb.toFixed(0)),
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    if (serverErrors) process.stdout.write(`server stderr (tail):\n${serverErrors.slice(-1500)}\n`);
  } finally {
    for (const socket of sockets) socket.close();
    child.kill('SIGTERM');
    await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    await database?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    clearTimeout(hardStop);
  }
}

await main();
