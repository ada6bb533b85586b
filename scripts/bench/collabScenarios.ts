import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';
import * as Y from 'yjs';
import type { BenchClient, BenchServer } from './collabPeers.ts';
import { sampleProcess } from './collabPeers.ts';

/** What one scenario measured on one server. */
export interface ScenarioResult {
  /** Updates in the measured window. */
  updates: number;
  /** Every update sent, warm-up included (what the update log holds). */
  updatesSent: number;
  updatesPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  cpuSeconds: number;
  /** CPU seconds of each of `server.pids` (only when the server has several processes). */
  cpuSecondsEach?: number[];
  rssMb: number;
}

type Patch = [number, number, string];

/** Worker threads hosting the watchers of the crowd scenario. */
const WATCHER_THREADS = Number(process.env.BENCH_THREADS ?? 2);

/** The trace's edits, one patch per keystroke (automerge-paper has exactly one patch per transaction). */
export function loadTrace(file: string, limit: number): Patch[] {
  const trace = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as {
    txns: Array<{ patches: Patch[] }>;
  };
  return trace.txns.flatMap((txn) => txn.patches).slice(0, limit);
}

export function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
}

/**
 * Records when each of a sender's updates reaches a receiver: a sender's Yjs clock only grows, so once the
 * receiver's state for that client passes an update's end clock, the update has been applied there.
 */
class DeliveryClock {
  private readonly sent = new Map<number, Array<{ clock: number; at: number }>>();
  private readonly next = new Map<string, number>();
  readonly latencies: number[] = [];

  sentBy(client: number, clock: number): void {
    let list = this.sent.get(client);
    if (!list) this.sent.set(client, (list = []));
    list.push({ clock, at: performance.now() });
  }

  watch(receiver: BenchClient, id: string): void {
    receiver.doc.on('update', () => {
      const now = performance.now();
      for (const [client, list] of this.sent) {
        const state = Y.getState(receiver.doc.store, client);
        const key = `${id}:${client}`;
        let index = this.next.get(key) ?? 0;
        while (index < list.length && list[index]!.clock <= state)
          this.latencies.push(now - list[index++]!.at);
        this.next.set(key, index);
      }
    });
  }
}

async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return true;
}

/** One writer replays trace keystrokes as Y.XmlText edits (one update each) while one reader receives them. */
export async function replayTrace(
  server: BenchServer,
  document: string,
  patches: Patch[],
): Promise<ScenarioResult> {
  const writer = server.connect(document, 'editor');
  const reader = server.connect(document, 'watcher');
  await Promise.all([writer.synced, reader.synced]);
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  writer.doc.getXmlFragment('content').insert(0, [paragraph]);
  await until(() => reader.doc.getXmlFragment('content').length > 0, 10_000);

  const deliveries = new DeliveryClock();
  deliveries.watch(reader, 'reader');
  const before = sampleProcess(server.pid);
  const started = performance.now();
  const clientId = writer.doc.clientID;
  for (let i = 0; i < patches.length; i += 1) {
    const [position, deleted, inserted] = patches[i]!;
    writer.doc.transact(() => {
      if (deleted) text.delete(position, deleted);
      if (inserted) text.insert(position, inserted);
    });
    deliveries.sentBy(clientId, Y.getState(writer.doc.store, clientId));
    // Yield now and then so sockets flush, as a browser would between keystrokes' event-loop turns.
    if (i % 50 === 49) await new Promise((resolve) => setImmediate(resolve));
  }
  const complete = await until(() => deliveries.latencies.length >= patches.length, 180_000);
  const elapsed = (performance.now() - started) / 1000;
  const after = sampleProcess(server.pid);
  if (!complete)
    process.stderr.write(
      `${server.name}: only ${deliveries.latencies.length} of ${patches.length} arrived\n`,
    );
  const finalText = (reader.doc.getXmlFragment('content').get(0) as Y.XmlElement).get(0) as Y.XmlText;
  if (finalText.toString() !== text.toString())
    process.stderr.write(`${server.name}: reader's text differs\n`);
  writer.destroy();
  reader.destroy();
  const sorted = deliveries.latencies.sort((a, b) => a - b);
  return {
    updates: patches.length,
    updatesSent: patches.length,
    updatesPerSecond: deliveries.latencies.length / elapsed,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    cpuSeconds: after.cpuSeconds - before.cpuSeconds,
    rssMb: after.rssMb,
  };
}

/** Starts worker threads that each connect a share of the watchers. */
async function startWatcherWorkers(server: BenchServer, document: string, watchers: number, sampled: number) {
  const count = Math.max(1, Math.min(WATCHER_THREADS, watchers));
  const workers = Array.from({ length: count }, (_, index) => {
    const share = Math.floor(watchers / count) + (index < watchers % count ? 1 : 0);
    const sample = Math.floor(sampled / count) + (index < sampled % count ? 1 : 0);
    return new Worker(new URL('./collabWatchers.ts', import.meta.url), {
      workerData: { endpoint: server.endpoint, document, count: share, sampled: sample },
    });
  });
  await Promise.all(workers.map((worker) => once(worker, 'message')));
  return workers;
}

async function request<T>(worker: Worker, message: { type: string }, answer: string): Promise<T> {
  const reply = new Promise<T>((resolve) => {
    const listener = (data: { type: string } & T) => {
      if (data.type !== answer) return;
      worker.off('message', listener);
      resolve(data);
    };
    worker.on('message', listener);
  });
  worker.postMessage(message);
  return reply;
}

/** Seconds of the same load every server serves before the measured window (BENCH_WARMUP_S, default 3). */
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_S ?? 3);

/** Each editor types one character `perSecond` times a second for `seconds`, on its own phase. */
async function typeAtPace(
  editors: BenchClient[],
  texts: Y.XmlText[],
  perSecond: number,
  seconds: number,
  typed: (editor: BenchClient) => void,
): Promise<{ started: number; count: number }> {
  const started = performance.now();
  const period = 1000 / perSecond;
  const keystrokes = editors
    .flatMap((_, index) =>
      Array.from({ length: perSecond * seconds }, (_, k) => ({
        index,
        at: started + k * period + (index * period) / editors.length,
      })),
    )
    .sort((a, b) => a.at - b.at);
  for (const keystroke of keystrokes) {
    const wait = keystroke.at - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    texts[keystroke.index]!.insert(texts[keystroke.index]!.length, 'x');
    typed(editors[keystroke.index]!);
  }
  return { started, count: keystrokes.length };
}

/**
 * Many editors type at a human pace (each on its own phase) while many watchers follow; the watchers live in worker
 * threads so the benchmark's own clients are not the bottleneck; latency is measured at sampled watchers.
 */
export async function manyClients(
  server: BenchServer,
  document: string,
  options: { editors: number; watchers: number; sampled: number; perSecond: number; seconds: number },
): Promise<ScenarioResult> {
  const editors: BenchClient[] = [];
  for (let i = 0; i < options.editors; i += 1) editors.push(server.connect(document, 'editor'));
  await Promise.all(editors.map((client) => client.synced));
  const workers = await startWatcherWorkers(server, document, options.watchers, options.sampled);
  const texts = editors.map((editor) => {
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    editor.doc.getXmlFragment('content').insert(0, [paragraph]);
    return text;
  });
  await new Promise((resolve) => setTimeout(resolve, 1000));
  // Every server first serves the same load unmeasured, so the table compares steady states, not JIT warm-up.
  let warmup = 0;
  if (WARMUP_SECONDS > 0) {
    warmup = (await typeAtPace(editors, texts, options.perSecond, WARMUP_SECONDS, () => undefined)).count;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }

  const sends = new Map<number, Array<[number, number]>>();
  const pids = server.pids ?? [server.pid];
  const beforeEach = pids.map(sampleProcess);
  const before = beforeEach[0]!;
  const keystrokes = await typeAtPace(editors, texts, options.perSecond, options.seconds, (editor) => {
    const id = editor.doc.clientID;
    if (!sends.has(id)) sends.set(id, []);
    sends.get(id)!.push([Y.getState(editor.doc.store, id), performance.timeOrigin + performance.now()]);
  });
  const started = keystrokes.started;
  const target = editors.reduce((sum, editor) => sum + Y.getState(editor.doc.store, editor.doc.clientID), 0);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const progress = await Promise.all(
      workers.map((worker) => request<{ least: number }>(worker, { type: 'progress' }, 'progress')),
    );
    if (progress.every((each) => each.least >= target) || Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const afterEach = pids.map(sampleProcess);
  const after = afterEach[0]!;
  const results = await Promise.all(
    workers.map((worker) =>
      request<{ deliveries: Array<Array<[number, number, number]>> }>(
        worker,
        { type: 'finish' },
        'deliveries',
      ),
    ),
  );
  await Promise.all(workers.map((worker) => worker.terminate()));
  for (const editor of editors) editor.destroy();

  const latencies: number[] = [];
  let lastAt = 0;
  for (const watcher of results.flatMap((result) => result.deliveries)) {
    const next = new Map<number, number>();
    for (const [client, state, at] of watcher) {
      const list = sends.get(client);
      if (!list) continue;
      let index = next.get(client) ?? 0;
      while (index < list.length && list[index]![0] <= state) latencies.push(at - list[index++]![1]);
      next.set(client, index);
      lastAt = Math.max(lastAt, at);
    }
  }
  const sent = keystrokes.count;
  if (latencies.length < sent * options.sampled)
    process.stderr.write(
      `${server.name}: only ${latencies.length} of ${sent * options.sampled} deliveries\n`,
    );
  const sorted = latencies.sort((a, b) => a - b);
  return {
    updates: sent,
    updatesSent: warmup + sent,
    updatesPerSecond: sent / ((lastAt - (performance.timeOrigin + started)) / 1000),
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    cpuSeconds: after.cpuSeconds - before.cpuSeconds,
    ...(server.pids
      ? { cpuSecondsEach: afterEach.map((each, i) => each.cpuSeconds - beforeEach[i]!.cpuSeconds) }
      : {}),
    rssMb: after.rssMb,
  };
}
