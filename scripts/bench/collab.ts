/**
 * Collaboration benchmark (not a test). Runs each server as a child process, in turn, for each scenario:
 *   - common-ground (this repository, storing every update in the database before relaying it),
 *   - @y/websocket-server 0.1.1 (the reference y-websocket server, in memory),
 *   - @hocuspocus/server 3.4.4 (no extensions, so in memory), with @hocuspocus/provider clients.
 * Scenarios (BENCH_SCENARIOS, comma-separated; default all):
 *   - trace: one writer replays the automerge-paper trace as Y.XmlText keystrokes (one update each), one reader;
 *   - crowd: 50 editors type 4 keystrokes a second each while 200 watchers follow (latency sampled at 10 watchers);
 *   - human: one document, 100 clients, 10 of them typing 8 keystrokes a second (latency sampled at 10 of the others);
 *   - open: 200 open documents with an editor and a watcher each; settled RSS, heap and external memory per document
 *     (then 200 more: the marginal cost, once one-off growth is paid);
 *   - storm: 90 clients, signed in as 90 different members (BENCH_STORM_PEOPLE), join a ~95 KB document at the same
 *     moment; time to first sync p50/p99.
 * Prints one table per scenario with every server's figures and the ratios ours ÷ each peer. Every server run is
 * bounded (BENCH_RUN_TIMEOUT_S, default 180 s); a run that overruns is reported and the next one starts.
 * BENCH_PROFILE_DIR=dir also writes a V8 CPU profile of our server per scenario there (see summarizeProfile.ts).
 *
 *   pnpm bench:collab   (BENCH_SCENARIOS=trace,crowd,human,open,storm BENCH_EDITS=all BENCH_EDITORS=50
 *                        BENCH_WATCHERS=200 BENCH_RATE=4 BENCH_SECONDS=10 BENCH_THREADS=2 BENCH_OPEN_DOCUMENTS=200
 *                        BENCH_STORM_CLIENTS=90 BENCH_STORM_KB=95 BENCH_STORM_PEOPLE=90)
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { pino } from 'pino';
import { startLocalDatabase } from '../../server/src/database/localDatabase.ts';
import { createRoom } from '../../test/support/factories.ts';
import { createAccounts, logBytes, stormPeople, type Accounts } from './collabAccounts.ts';
import { printScenarioTable, type Row } from './collabTable.ts';
import {
  cpuSampled,
  startHocuspocusServer,
  startOurServer,
  startReferenceServer,
  type BenchServer,
} from './collabPeers.ts';
import { openDocuments, reconnectStorm } from './collabCosts.ts';
import { loadTrace, manyClients, replayTrace } from './collabScenarios.ts';
import { storeRoundTrip } from './storeRoundTrip.ts';
import { withTimeout } from './withTimeout.ts';

const SCENARIOS = ['trace', 'crowd', 'human', 'open', 'storm'] as const;
type Scenario = (typeof SCENARIOS)[number];
const selected = (process.env.BENCH_SCENARIOS ?? SCENARIOS.join(','))
  .split(',')
  .map((name) => name.trim())
  .filter(Boolean);
for (const name of selected)
  if (!SCENARIOS.includes(name as Scenario))
    throw new Error(`unknown scenario ${name}; choose from ${SCENARIOS.join(', ')}`);

// The whole trace (259,778 keystrokes) unless BENCH_EDITS asks for fewer.
const EDITS = Number(process.env.BENCH_EDITS ?? Number.POSITIVE_INFINITY);
const CROWD = {
  editors: Number(process.env.BENCH_EDITORS ?? 50),
  watchers: Number(process.env.BENCH_WATCHERS ?? 200),
  sampled: 10,
  perSecond: Number(process.env.BENCH_RATE ?? 4),
  seconds: Number(process.env.BENCH_SECONDS ?? 10),
};
const HUMAN = { editors: 10, watchers: 90, sampled: 10, perSecond: 8, seconds: CROWD.seconds };
const OPEN_DOCUMENTS = Number(process.env.BENCH_OPEN_DOCUMENTS ?? 200);
const STORM = {
  clients: Number(process.env.BENCH_STORM_CLIENTS ?? 90),
  documentBytes: Number(process.env.BENCH_STORM_KB ?? 95) * 1024,
  /** Distinct people among the joiners (each its own session, membership and admission); 1 = one shared account. */
  people: Number(process.env.BENCH_STORM_PEOPLE ?? process.env.BENCH_STORM_CLIENTS ?? 90),
};
const RUN_TIMEOUT_MS = Number(process.env.BENCH_RUN_TIMEOUT_S ?? 180) * 1000;
const PROFILE_DIR = process.env.BENCH_PROFILE_DIR ? path.resolve(process.env.BENCH_PROFILE_DIR) : null;
const TRACE =
  process.env.BENCH_TRACE ??
  path.resolve(import.meta.dirname, '../../../shared/traces/automerge-paper.json.gz');
process.setMaxListeners(0);
// Three servers per scenario, each run bounded, plus setup; a wedged run cannot hold the machine for ever.
const hardStop = setTimeout(
  () => {
    process.stderr.write('benchmark exceeded its time bound; stopping\n');
    process.exit(2);
  },
  selected.length * 3 * (RUN_TIMEOUT_MS + 60_000),
);

const OUR_ENV = {
  DISABLE_RATE_LIMITS: 'true',
  COLLAB_UPDATES_PER_SECOND: '1000000',
  COLLAB_UPDATE_BURST: '1000000',
  COLLAB_MAX_PENDING_UPGRADES_PER_IP: '1000',
  // Every simulated peer shares one account per role, so the fair shares per session and person are lifted.
  COLLAB_MAX_CONNECTIONS_PER_SESSION: '100000',
  COLLAB_MAX_CONNECTIONS_PER_USER: '100000',
  // Compaction off, so every byte written to the update log is still there to count afterwards.
  COLLAB_COMPACT_EVERY_UPDATES: '1000000000',
  COLLAB_COMPACT_EVERY_BYTES: '1000000000000',
};

/** Scenarios whose table reports our database operations. */
const COUNTED: Scenario[] = ['open', 'storm'];

async function runOne(
  scenario: Scenario,
  server: BenchServer,
  documents: string[],
  patches: ReturnType<typeof loadTrace>,
  ours: string | null,
): Promise<Row['values']> {
  const [document] = documents as [string];
  if (scenario === 'trace' || scenario === 'crowd' || scenario === 'human') {
    const result =
      scenario === 'trace'
        ? await replayTrace(server, document, patches)
        : await manyClients(server, document, scenario === 'crowd' ? CROWD : HUMAN);
    const bytes = ours ? await logBytes(ours, document) : null;
    return {
      updates: result.updates,
      'updates/s': result.updatesPerSecond,
      'p50 ms': result.p50Ms,
      'p99 ms': result.p99Ms,
      'CPU s': result.cpuSeconds,
      'RSS MB': result.rssMb,
      'DB B/update': bytes === null ? null : bytes / result.updatesSent,
    };
  }
  if (scenario === 'open') {
    const result = await openDocuments(server, documents);
    if (ours) process.stderr.write(`open: our database operations ${JSON.stringify(result.queries)}\n`);
    process.stderr.write(
      `open: ${server.name} handles and timers per document ${JSON.stringify(result.resourcesPerDocument)}\n`,
    );
    return {
      documents: result.documents,
      'RSS KB/doc': result.rssKbPerDocument,
      'heap KB/doc': result.heapKbPerDocument,
      'heapTotal KB/doc': result.heapTotalKbPerDocument,
      'external KB/doc': result.externalKbPerDocument,
      'next RSS KB/doc': result.nextRssKbPerDocument,
      'next heap KB/doc': result.nextHeapKbPerDocument,
      'open s': result.openSeconds,
      'conns dropped': result.droppedWhileOpen,
      ...(process.env.BENCH_OPEN_IDLE_S ? { 'dropped idle': result.droppedWhileIdle } : {}),
      'CPU s': result.cpuSeconds,
      'RSS MB': result.rssMb,
      'DB ops/conn': result.queriesPerConnection,
    };
  }
  const result = await reconnectStorm(server, document, STORM);
  if (ours) process.stderr.write(`storm: our database operations ${JSON.stringify(result.queries)}\n`);
  return {
    clients: result.clients,
    'doc KB': result.documentKb,
    'sync p50 ms': result.p50Ms,
    'sync p99 ms': result.p99Ms,
    'sync max ms': result.maxMs,
    'open p50 ms': result.openP50Ms,
    'open p99 ms': result.openP99Ms,
    'CPU s': result.cpuSeconds,
    'RSS MB': result.rssMb,
    'DB ops/upgrade': result.queriesPerUpgrade,
  };
}

async function main(): Promise<void> {
  const patches = selected.includes('trace') ? loadTrace(TRACE, EDITS) : [];
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cg-bench-collab-'));
  const database = process.env.MONGODB_URI
    ? null
    : await startLocalDatabase({ dataDir, logger: pino({ level: 'warn' }) });
  const uri =
    process.env.MONGODB_URI ?? `${database!.uri.replace(/\/[^/]*$/, '')}/bench_collab_${Date.now()}`;
  await mongoose.connect(uri);
  const rows: Row[] = [];
  // For reading the human scenario's p99: what one stored update alone costs on this database at that pace.
  const roundTrip = selected.includes('human') ? await storeRoundTrip(HUMAN.editors * HUMAN.perSecond) : null;
  try {
    for (const scenario of selected as Scenario[]) {
      // Each scenario gets its own database: on FerretDB over SQLite, queries slow down as collections grow, and one
      // scenario's 400 rooms and their logs must not tax the next one's upgrades.
      const databaseName = `${new URL(uri).pathname.slice(1)}_${scenario}`;
      const scenarioUri = uri.replace(/\/[^/?]*(\?|$)/, `/${databaseName}$1`);
      let accounts: Accounts | null = null;
      // The open-documents scenario opens two waves of OPEN_DOCUMENTS (see openDocuments).
      const count = scenario === 'open' ? 2 * OPEN_DOCUMENTS : 1;
      for (const start of [
        () => {
          // Counting database operations hooks every query (mongoose's debug hook): only where the table shows them.
          const env = COUNTED.includes(scenario) ? { ...OUR_ENV, BENCH_COUNT_QUERIES: '1' } : OUR_ENV;
          if (!PROFILE_DIR) return startOurServer(scenarioUri, env);
          const dir = path.join(PROFILE_DIR, scenario);
          mkdirSync(dir, { recursive: true });
          return startOurServer(scenarioUri, env, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
        },
        () => {
          if (!PROFILE_DIR || !process.env.BENCH_PROFILE_REFERENCE) return startReferenceServer();
          const dir = path.join(PROFILE_DIR, `${scenario}-reference`);
          mkdirSync(dir, { recursive: true });
          return startReferenceServer(['--cpu-prof', `--cpu-prof-dir=${dir}`]);
        },
        startHocuspocusServer,
      ]) {
        const server: BenchServer & { origin?: string } = await start();
        let documents = Array.from({ length: count }, (_, i) => `bench-${scenario}-${i}`);
        const ours = server.origin ? databaseName : null;
        if (server.origin) {
          accounts ??= await createAccounts(server.origin);
          server.endpoint.cookies.editor = accounts.facilitator.cookie;
          server.endpoint.cookies.watcher = accounts.watcher.cookie;
          // A reconnect storm is many people at once: each joiner signs in as its own member (see STORM.people).
          if (scenario === 'storm')
            server.endpoint.people = await stormPeople(server.origin, accounts, STORM.people);
          const { origin } = server;
          const { facilitator, communityId } = accounts;
          documents = [];
          // A few at a time: creating 400 rooms one by one would take longer than the scenario.
          for (let i = 0; i < count; i += 8)
            documents.push(
              ...(await Promise.all(
                Array.from(
                  { length: Math.min(8, count - i) },
                  async () => (await createRoom(origin, facilitator, communityId)).documentId,
                ),
              )),
            );
        }
        process.stderr.write(`${scenario}: ${server.name}…\n`);
        try {
          cpuSampled.first = cpuSampled.last = null;
          const values = await withTimeout(
            runOne(scenario, server, documents, patches, ours),
            `${scenario} on ${server.name}`,
            RUN_TIMEOUT_MS,
          );
          // The profile's clock is the same monotonic clock: summarizeProfile.ts keeps only this window's samples.
          const profiled = ours ? scenario : `${scenario}-reference`;
          if (
            PROFILE_DIR &&
            existsSync(path.join(PROFILE_DIR, profiled)) &&
            server.name !== '@hocuspocus/server'
          )
            writeFileSync(
              path.join(PROFILE_DIR, profiled, 'window.json'),
              // The window whose CPU the table reports (between the scenario's first and last CPU samples).
              JSON.stringify({ fromMicros: String(cpuSampled.first), toMicros: String(cpuSampled.last) }),
            );
          rows.push({ scenario, server: server.name, values });
        } catch (error) {
          process.stderr.write(`${scenario} on ${server.name} failed: ${(error as Error).message}\n`);
        } finally {
          await server.stop();
        }
      }
    }
  } finally {
    await mongoose.disconnect();
    await database?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  for (const scenario of selected)
    printScenarioTable(
      scenario,
      rows.filter((row) => row.scenario === scenario),
    );
  if (roundTrip)
    process.stdout.write(
      `\nOne stored update alone (an insert into this database at the human pace): p50 ${roundTrip.p50Ms.toFixed(2)} ms, p99 ${roundTrip.p99Ms.toFixed(2)} ms.\n`,
    );
  clearTimeout(hardStop);
  process.exit(0);
}

await main();
