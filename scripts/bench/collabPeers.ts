import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { HocuspocusProvider } from '@hocuspocus/provider';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { COLLAB_PATH } from '@common-ground/shared';
import { freePort } from '../../server/src/database/localDatabase.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');

/** One connected client of any of the servers under test. */
export interface BenchClient {
  doc: Y.Doc;
  /** Resolves when the WebSocket is open (the upgrade was admitted). */
  opened: Promise<void>;
  synced: Promise<void>;
  /** Times the connection closed other than by `destroy` (the provider then reconnects by itself). */
  closes(): number;
  destroy(): void;
}

/** How to reach a server from any thread: its protocol, address and the cookie for each role. */
export interface BenchEndpoint {
  kind: 'y-websocket' | 'hocuspocus';
  url: string;
  cookies: Partial<Record<'editor' | 'watcher', string>>;
  /** Session cookies of distinct people; when set, `connectTo(…, person)` connects as person `person` of them. */
  people?: string[];
}

/** A server under test running as a child process. */
export interface BenchServer {
  name: string;
  pid: number;
  /** Every process serving it, when more than one (instances behind a load balancer); CPU is sampled for each. */
  pids?: number[];
  endpoint: BenchEndpoint;
  /** Connects a client to a document; `role` picks the account for servers that authenticate. */
  connect(document: string, role: 'editor' | 'watcher'): BenchClient;
  /** Settled memory of the server process (and, for ours, database operations so far). */
  probe(): Promise<Probe>;
  stop(): Promise<void>;
}

/** Settled memory (after forced collections) and, for our server, database operations counted so far. */
export interface Probe {
  memory: NodeJS.MemoryUsage;
  /** `process.getActiveResourcesInfo()` counted by type (timers, sockets). */
  resources: Record<string, number>;
  queries: Record<string, number>;
  heapSnapshot: string | null;
}

/** A benchmarked child: the process and a way to ask its preloaded {@link Probe} for settled memory. */
export interface BenchChild {
  child: ChildProcess;
  probe(): Promise<Probe>;
}

const PROBE = pathToFileURL(path.join(import.meta.dirname, 'benchProbe.ts')).href;

/**
 * Starts a child process with the bench probe preloaded (and `--expose-gc`), resolving once its output matches
 * `ready`. `nodeArgs` go before the script (e.g. `--cpu-prof`).
 */
export async function startChild(
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
  nodeArgs: string[] = [],
): Promise<BenchChild> {
  const child = spawn(process.execPath, ['--expose-gc', '--import', PROBE, ...nodeArgs, ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const probes: Array<(probe: Probe) => void> = [];
  let partial = '';
  const log = process.env.BENCH_SERVER_LOG
    ? `${process.env.BENCH_SERVER_LOG}.${path.basename(args.at(-1)!)}`
    : null;
  const onData = (chunk: Buffer) => {
    // BENCH_SERVER_LOG=prefix keeps each server's whole output (prefix.main.ts, prefix.server.js, …) for diagnosis.
    if (log) appendFileSync(log, chunk);
    // Only the tail is kept: a busy server's log would otherwise grow without bound in the benchmark.
    output = (output + chunk.toString()).slice(-64 * 1024);
    partial += chunk.toString();
    let newline: number;
    while ((newline = partial.indexOf('\n')) >= 0) {
      const line = partial.slice(0, newline);
      partial = partial.slice(newline + 1);
      if (line.startsWith('BENCH_PROBE ')) probes.shift()?.(JSON.parse(line.slice(12)) as Probe);
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  await new Promise<void>((resolve, reject) => {
    const check = () => ready.test(output) && resolve();
    child.stdout!.on('data', check);
    child.stderr!.on('data', check);
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}:\n${output}`)));
    setTimeout(() => reject(new Error(`${args.join(' ')} did not start:\n${output}`)), 60_000).unref();
  });
  return {
    child,
    probe: () =>
      new Promise((resolve, reject) => {
        probes.push(resolve);
        child.kill('SIGUSR2');
        setTimeout(() => reject(new Error('the bench probe did not answer')), 120_000).unref();
      }),
  };
}

/** Stops a child with SIGTERM (SIGKILL after 15 s, time enough to write a CPU profile). */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

/** When CPU was first and last sampled since the last reset (µs of the monotonic clock CPU profiles use). */
export const cpuSampled: { first: bigint | null; last: bigint | null } = { first: null, last: null };

/** CPU seconds used so far and resident memory of a process, from /proc. */
export function sampleProcess(pid: number): { cpuSeconds: number; rssMb: number } {
  const now = process.hrtime.bigint() / 1000n;
  cpuSampled.first ??= now;
  cpuSampled.last = now;
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const ticks = Number(stat[11]) + Number(stat[12]);
  const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return { cpuSeconds: ticks / 100, rssMb: Number(rss ?? 0) / 1024 };
}

function headerSocket(headers: Record<string, string>) {
  return class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  };
}

/** Connects a client to a document on an endpoint (usable in worker threads too). */
export function connectTo(
  endpoint: BenchEndpoint,
  document: string,
  role: 'editor' | 'watcher',
  person?: number,
): BenchClient {
  const doc = new Y.Doc();
  if (endpoint.kind === 'hocuspocus') {
    const provider = new HocuspocusProvider({ url: endpoint.url, name: document, document: doc });
    let closes = 0;
    provider.on('close', () => (closes += 1));
    return {
      doc,
      closes: () => closes,
      opened: new Promise((resolve) => provider.on('open', () => resolve())),
      synced: new Promise((resolve) =>
        provider.isSynced ? resolve() : provider.on('synced', () => resolve()),
      ),
      destroy: () => {
        provider.destroy();
        doc.destroy();
      },
    };
  }
  const cookie =
    person !== undefined && endpoint.people?.length
      ? endpoint.people[person % endpoint.people.length]
      : endpoint.cookies[role];
  const provider = new WebsocketProvider(endpoint.url, document, doc, {
    WebSocketPolyfill: headerSocket(cookie ? { cookie } : {}) as never,
    disableBc: true,
  });
  let closes = 0;
  if (process.env.BENCH_VERBOSE)
    provider.on('connection-error', (event) =>
      process.stderr.write(
        `${new Date().toISOString()} ${document}: connection error ${(event as { message?: string }).message ?? String(event)}\n`,
      ),
    );
  provider.on('connection-close', (event) => {
    closes += 1;
    if (process.env.BENCH_VERBOSE)
      process.stderr.write(
        `${new Date().toISOString()} ${document}: connection closed ${event?.code ?? 'by the client'}\n`,
      );
  });
  return {
    doc,
    closes: () => closes,
    opened: new Promise((resolve) =>
      provider.on('status', (event: { status: string }) => event.status === 'connected' && resolve()),
    ),
    synced: new Promise((resolve) => provider.once('sync', () => resolve())),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

let built = false;
/** Builds the server once per benchmark run when its build is missing or older than the sources. */
function ensureBuilt(): void {
  if (built) return;
  execFileSync('bash', ['scripts/build.sh', '--if-stale'], {
    cwd: repoRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  built = true;
}

/** This repository's server, on the given database; set `endpoint.cookies` before connecting. */
export async function startOurServer(
  uri: string,
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Promise<BenchServer & { origin: string }> {
  const port = await freePort();
  ensureBuilt();
  // As `./run start` runs it in production: the compiled build, not the TypeScript sources through a loader.
  const { child, probe } = await startChild(
    ['--conditions=compiled', 'server/dist/main.js'],
    {
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      PORT: String(port),
      HOST: '127.0.0.1',
      MONGODB_URI: uri,
      ...env,
    },
    /listening on http/,
    // BENCH_OUR_NODE_ARGS: extra Node flags for our server only (e.g. --trace-gc while diagnosing).
    [...nodeArgs, ...(process.env.BENCH_OUR_NODE_ARGS?.split(' ').filter(Boolean) ?? [])],
  );
  const endpoint: BenchEndpoint = {
    kind: 'y-websocket',
    url: `ws://127.0.0.1:${port}${COLLAB_PATH}`,
    cookies: {},
  };
  return {
    name: 'common-ground',
    pid: child.pid!,
    origin: `http://127.0.0.1:${port}`,
    endpoint,
    connect: (document, role) => connectTo(endpoint, document, role),
    probe,
    stop: () => stopChild(child),
  };
}

/** `@y/websocket-server` 0.1.1, in memory. */
export async function startReferenceServer(nodeArgs: string[] = []): Promise<BenchServer> {
  const port = await freePort();
  const { child, probe } = await startChild(
    ['node_modules/@y/websocket-server/src/server.js'],
    { HOST: '127.0.0.1', PORT: String(port), BENCH_EXIT_ON_SIGTERM: '1' },
    /running at/,
    nodeArgs,
  );
  const endpoint: BenchEndpoint = { kind: 'y-websocket', url: `ws://127.0.0.1:${port}`, cookies: {} };
  return {
    name: '@y/websocket-server',
    pid: child.pid!,
    endpoint,
    connect: (document, role) => connectTo(endpoint, document, role),
    probe,
    stop: () => stopChild(child),
  };
}

/** `@hocuspocus/server` 3.4.4 without extensions (in memory), with `@hocuspocus/provider` clients. */
export async function startHocuspocusServer(): Promise<BenchServer> {
  const port = await freePort();
  const { child, probe } = await startChild(
    ['scripts/bench/hocuspocusServer.ts'],
    { PORT: String(port) },
    /listening on/,
  );
  const endpoint: BenchEndpoint = { kind: 'hocuspocus', url: `ws://127.0.0.1:${port}`, cookies: {} };
  return {
    name: '@hocuspocus/server',
    pid: child.pid!,
    endpoint,
    connect: (document, role) => connectTo(endpoint, document, role),
    probe,
    stop: () => stopChild(child),
  };
}
