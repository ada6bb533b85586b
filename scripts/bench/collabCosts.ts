import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import * as Y from 'yjs';
import type { BenchClient, BenchServer, Probe } from './collabPeers.ts';
import { sampleProcess } from './collabPeers.ts';

/** Worker threads hosting the joining clients of the reconnect storm. */
const JOINER_THREADS = Number(process.env.BENCH_THREADS ?? 2);
/**
 * Documents opened at once while filling the open-documents scenario (it measures memory, not a storm: larger batches
 * made upgrades on a loaded machine outlive the server's upgrade timeout, and the clients' retries snowballed).
 */
const OPEN_BATCH = 20;
/**
 * The two clients of each open document. Two editors by default: stock y-websocket clients reconnect after 30 s
 * without any message, and on our server a lone editor beside a read-only watcher hears nothing while idle (see the
 * report), so `editor,watcher` measures that churn rather than memory.
 */
const OPEN_PAIR = (process.env.BENCH_OPEN_PAIR ?? 'editor,editor').split(',') as Array<'editor' | 'watcher'>;
/** Seconds to hold every document open after the second wave, counting the connections the server dropped. */
const OPEN_IDLE_SECONDS = Number(process.env.BENCH_OPEN_IDLE_S ?? 0);

/** What the open-documents scenario measured on one server. */
export interface OpenDocumentsResult {
  documents: number;
  clients: number;
  /** Settled resident memory added per open document (RSS delta ÷ documents), in KB. */
  rssKbPerDocument: number;
  heapKbPerDocument: number;
  heapTotalKbPerDocument: number;
  externalKbPerDocument: number;
  /** The same for a second wave of as many documents, once the first is open. */
  nextRssKbPerDocument: number;
  nextHeapKbPerDocument: number;
  /** Client connections closed by the server (then re-opened by the client) while opening, and while held idle. */
  droppedWhileOpen: number;
  droppedWhileIdle: number;
  openSeconds: number;
  cpuSeconds: number;
  rssMb: number;
  /** Database operations per connection while opening (ours only). */
  queriesPerConnection: number | null;
  queries: Record<string, number>;
  /** Live timers and handles added per open document, by type. */
  resourcesPerDocument: Record<string, number>;
}

/** What the reconnect storm measured on one server. */
export interface StormResult {
  clients: number;
  documentKb: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Time to the socket being open (the upgrade admitted), p50 and p99. */
  openP50Ms: number;
  openP99Ms: number;
  cpuSeconds: number;
  rssMb: number;
  /** Database operations per joining connection (ours only). */
  queriesPerUpgrade: number | null;
  queries: Record<string, number>;
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
}

async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return true;
}

/** Per-collection operation counts made between two probes. */
function queriesBetween(before: Probe, after: Probe): Record<string, number> {
  const delta: Record<string, number> = {};
  for (const [key, count] of Object.entries(after.queries)) {
    const made = count - (before.queries[key] ?? 0);
    if (made > 0) delta[key] = made;
  }
  return delta;
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((sum, n) => sum + n, 0);

/** Appends one paragraph of `text` to a document as one transaction. */
function appendParagraph(doc: Y.Doc, text: string): void {
  doc.transact(() => {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(text)]);
    doc.getXmlFragment('content').push([paragraph]);
  });
}

/** Opens each document with an editor and a watcher; the editor writes a paragraph the watcher receives. */
async function openWave(server: BenchServer, documents: string[]): Promise<BenchClient[]> {
  const clients: BenchClient[] = [];
  const line = 'An open document with a short note in it, as most are between meetings. '.repeat(3);
  for (let i = 0; i < documents.length; i += OPEN_BATCH) {
    const batch = documents.slice(i, i + OPEN_BATCH).map((document) => ({
      editor: server.connect(document, OPEN_PAIR[0]!),
      watcher: server.connect(document, OPEN_PAIR[1]!),
    }));
    const synced = await Promise.race([
      Promise.all(batch.flatMap(({ editor, watcher }) => [editor.synced, watcher.synced])).then(() => true),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), 60_000)),
    ]);
    if (!synced) process.stderr.write(`${server.name}: some clients did not sync within 60 s\n`);
    for (const { editor } of batch) appendParagraph(editor.doc, line);
    const arrived = await until(
      () => batch.every(({ watcher }) => watcher.doc.getXmlFragment('content').length > 0),
      30_000,
    );
    if (!arrived) process.stderr.write(`${server.name}: some watchers never received the paragraph\n`);
    clients.push(...batch.flatMap(({ editor, watcher }) => [editor, watcher]));
    if (process.env.BENCH_VERBOSE)
      process.stderr.write(
        `${server.name}: ${i + batch.length} documents open at ${new Date().toISOString()}\n`,
      );
  }
  // Let timers, acknowledgements and awareness settle before reading memory.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  return clients;
}

/**
 * Opens `documents` in two equal waves and reads the server's settled memory (forced collections in the child) before
 * and after each: the first wave's delta is the cost as the issue measures it (it includes one-off growth such as
 * compiled code and connection pools); the second wave's is the marginal cost of one more open document.
 */
export async function openDocuments(server: BenchServer, documents: string[]): Promise<OpenDocumentsResult> {
  const half = Math.floor(documents.length / 2);
  const before = await server.probe();
  const cpuBefore = sampleProcess(server.pid);
  const started = performance.now();
  const clients = await openWave(server, documents.slice(0, half));
  const openSeconds = (performance.now() - started) / 1000 - 2;
  const cpuAfter = sampleProcess(server.pid);
  const middle = await server.probe();
  clients.push(...(await openWave(server, documents.slice(half))));
  const after = await server.probe();
  const closesBefore = clients.reduce((sum, client) => sum + client.closes(), 0);
  if (OPEN_IDLE_SECONDS) await new Promise((resolve) => setTimeout(resolve, OPEN_IDLE_SECONDS * 1000));
  const closes = clients.reduce((sum, client) => sum + client.closes(), 0);
  for (const client of clients) client.destroy();
  const queries = queriesBetween(before, middle);
  const perDocument = (bytes: number) => bytes / 1024 / half;
  return {
    documents: half,
    clients: half * 2,
    rssKbPerDocument: perDocument(middle.memory.rss - before.memory.rss),
    heapKbPerDocument: perDocument(middle.memory.heapUsed - before.memory.heapUsed),
    heapTotalKbPerDocument: perDocument(middle.memory.heapTotal - before.memory.heapTotal),
    externalKbPerDocument: perDocument(middle.memory.external - before.memory.external),
    nextRssKbPerDocument: perDocument(after.memory.rss - middle.memory.rss),
    nextHeapKbPerDocument: perDocument(after.memory.heapUsed - middle.memory.heapUsed),
    droppedWhileOpen: closesBefore,
    droppedWhileIdle: closes - closesBefore,
    openSeconds,
    cpuSeconds: cpuAfter.cpuSeconds - cpuBefore.cpuSeconds,
    rssMb: middle.memory.rss / 1024 / 1024,
    queriesPerConnection: Object.keys(middle.queries).length ? total(queries) / (half * 2) : null,
    queries,
    resourcesPerDocument: Object.fromEntries(
      Object.entries(middle.resources).map(([type, n]) => [type, (n - (before.resources[type] ?? 0)) / half]),
    ),
  };
}

async function ask<T>(worker: Worker, type: string, answer: string): Promise<T> {
  const reply = new Promise<T>((resolve, reject) => {
    const listener = (data: { type: string } & T) => {
      if (data.type !== answer) return;
      worker.off('message', listener);
      resolve(data);
    };
    worker.on('message', listener);
    worker.once('error', reject);
  });
  worker.postMessage({ type });
  return reply;
}

/**
 * One editor writes a document of about `documentBytes` (paragraphs of prose, one transaction each) and stays
 * connected, so every server keeps it loaded; then `clients` clients (in worker threads) connect at the same moment.
 * Time to first sync runs from each client's creation to its provider's sync event (the server's sync step 2 applied).
 */
export async function reconnectStorm(
  server: BenchServer,
  document: string,
  options: { clients: number; documentBytes: number },
): Promise<StormResult> {
  const writer = server.connect(document, 'editor');
  await writer.synced;
  const prose =
    'Practitioners compared how each council runs its reviews and what the family was told at each step. ';
  let size = 0;
  for (let i = 0; size < options.documentBytes; i += 1) {
    appendParagraph(writer.doc, `${i} ${prose.repeat(10)}`);
    size = Y.encodeStateAsUpdate(writer.doc).byteLength;
    if (i % 10 === 9) await new Promise((resolve) => setTimeout(resolve, 20));
  }
  // A probe client confirms the server holds (for ours: has stored) the whole document before the storm.
  const probe = server.connect(document, 'editor');
  await probe.synced;
  const stored = await until(() => Y.encodeStateAsUpdate(probe.doc).byteLength >= size, 60_000);
  if (!stored) process.stderr.write(`${server.name}: the storm document never fully arrived\n`);
  probe.destroy();
  await new Promise((resolve) => setTimeout(resolve, 1000));

  const count = Math.max(1, Math.min(JOINER_THREADS, options.clients));
  let firstPerson = 0;
  const workers = Array.from({ length: count }, (_, index) => {
    const share = Math.floor(options.clients / count) + (index < options.clients % count ? 1 : 0);
    firstPerson += share;
    return new Worker(new URL('./collabJoiners.ts', import.meta.url), {
      workerData: {
        endpoint: server.endpoint,
        document,
        count: share,
        role: 'editor',
        firstPerson: firstPerson - share,
      },
    });
  });
  await Promise.all(workers.map((worker) => once(worker, 'message')));
  const before = await server.probe();
  const cpuBefore = sampleProcess(server.pid);
  const joined = await Promise.all(
    workers.map((worker) =>
      ask<{ times: number[]; opens: number[]; failed: number }>(worker, 'go', 'joined'),
    ),
  );
  // Work the joins leave behind (acknowledgements, awareness) belongs to the storm too.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const cpuAfter = sampleProcess(server.pid);
  const after = await server.probe();
  await Promise.all(workers.map((worker) => ask(worker, 'finish', 'finished')));
  await Promise.all(workers.map((worker) => worker.terminate()));
  writer.destroy();

  const times = joined.flatMap((each) => each.times).sort((a, b) => a - b);
  const opens = joined.flatMap((each) => each.opens).sort((a, b) => a - b);
  const failed = joined.reduce((sum, each) => sum + each.failed, 0);
  if (failed) process.stderr.write(`${server.name}: ${failed} of ${options.clients} never synced\n`);
  const queries = queriesBetween(before, after);
  return {
    clients: options.clients,
    documentKb: size / 1024,
    p50Ms: percentile(times, 50),
    p99Ms: percentile(times, 99),
    maxMs: times.at(-1) ?? NaN,
    openP50Ms: percentile(opens, 50),
    openP99Ms: percentile(opens, 99),
    cpuSeconds: cpuAfter.cpuSeconds - cpuBefore.cpuSeconds,
    rssMb: after.memory.rss / 1024 / 1024,
    queriesPerUpgrade: Object.keys(after.queries).length ? total(queries) / options.clients : null,
    queries,
  };
}
