/**
 * Collaboration benchmark (not a test). Runs each server as a child process, in turn:
 *   - common-ground (this repository, storing every update in the database before relaying it),
 *   - @y/websocket-server 0.1.1 (the reference y-websocket server, in memory),
 *   - @hocuspocus/server 3.4.4 (no extensions, so in memory), with @hocuspocus/provider clients;
 * through two scenarios:
 *   - trace: one writer replays the automerge-paper trace as Y.XmlText keystrokes (one update each), one reader;
 *   - crowd: 50 editors type 4 keystrokes a second each while 200 watchers follow (latency sampled at 10 watchers).
 * Prints updates per second, delivery latency p50/p99 (send → applied at another client), server CPU seconds and RSS,
 * database bytes per update (ours), and ratios to the peers. Bounded to a few minutes.
 *
 *   pnpm bench:collab   (BENCH_EDITS=all BENCH_EDITORS=50 BENCH_WATCHERS=200 BENCH_RATE=4 BENCH_SECONDS=10 BENCH_THREADS=2)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mongoose, { Types } from 'mongoose';
import { pino } from 'pino';
import { startLocalDatabase } from '../../server/src/database/localDatabase.ts';
import { createCommunity, createRoom, joinCommunityAs, registerUser } from '../../test/support/factories.ts';
import {
  startHocuspocusServer,
  startOurServer,
  startReferenceServer,
  type BenchServer,
} from './collabPeers.ts';
import { loadTrace, manyClients, replayTrace, type ScenarioResult } from './collabScenarios.ts';

// The whole trace (259,778 keystrokes) unless BENCH_EDITS asks for fewer.
const EDITS = Number(process.env.BENCH_EDITS ?? Number.POSITIVE_INFINITY);
const CROWD = {
  editors: Number(process.env.BENCH_EDITORS ?? 50),
  watchers: Number(process.env.BENCH_WATCHERS ?? 200),
  sampled: 10,
  perSecond: Number(process.env.BENCH_RATE ?? 4),
  seconds: Number(process.env.BENCH_SECONDS ?? 10),
};
const TRACE =
  process.env.BENCH_TRACE ??
  path.resolve(import.meta.dirname, '../../../shared/traces/automerge-paper.json.gz');
process.setMaxListeners(0);
const hardStop = setTimeout(() => {
  process.stderr.write('benchmark exceeded its 10-minute bound; stopping\n');
  process.exit(2);
}, 10 * 60_000);

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

interface Row extends ScenarioResult {
  scenario: string;
  server: string;
  bytesPerUpdate: number | null;
}

async function logBytes(documentId: string): Promise<number> {
  const entries = await mongoose.connection
    .collection('documentupdates')
    .find({ documentId: new Types.ObjectId(documentId) })
    .toArray();
  return entries.reduce((sum, entry) => sum + mongoose.mongo.BSON.calculateObjectSize(entry), 0);
}

async function main(): Promise<void> {
  const patches = loadTrace(TRACE, EDITS);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cg-bench-collab-'));
  const database = process.env.MONGODB_URI
    ? null
    : await startLocalDatabase({ dataDir, logger: pino({ level: 'warn' }) });
  const uri =
    process.env.MONGODB_URI ?? `${database!.uri.replace(/\/[^/]*$/, '')}/bench_collab_${Date.now()}`;
  await mongoose.connect(uri);
  let accounts: {
    editor: string;
    watcher: string;
    communityId: string;
    facilitator: Awaited<ReturnType<typeof registerUser>>;
  } | null = null;
  const rows: Row[] = [];
  try {
    for (const scenario of ['trace', 'crowd'] as const) {
      for (const start of [() => startOurServer(uri, OUR_ENV), startReferenceServer, startHocuspocusServer]) {
        const server: BenchServer & {
          origin?: string;
          cookies?: Partial<Record<'editor' | 'watcher', string>>;
        } = await start();
        let document = `bench-${scenario}`;
        let ours = false;
        if (server.origin) {
          ours = true;
          if (!accounts) {
            const facilitator = await registerUser(server.origin);
            const community = await createCommunity(server.origin, facilitator);
            const observer = await joinCommunityAs(server.origin, facilitator, community.id, 'observer');
            accounts = {
              editor: facilitator.cookie,
              watcher: observer.cookie,
              communityId: community.id,
              facilitator,
            };
          }
          server.endpoint.cookies.editor = accounts.editor;
          server.endpoint.cookies.watcher = accounts.watcher;
          document = (await createRoom(server.origin, accounts.facilitator, accounts.communityId)).documentId;
        }
        process.stderr.write(`${scenario}: ${server.name}…\n`);
        try {
          const result =
            scenario === 'trace'
              ? await replayTrace(server, document, patches)
              : await manyClients(server, document, CROWD);
          const bytes = ours ? await logBytes(document) : null;
          rows.push({
            scenario,
            server: server.name,
            ...result,
            bytesPerUpdate: bytes === null ? null : bytes / result.updates,
          });
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
  printTable(rows);
  clearTimeout(hardStop);
}

function printTable(rows: Row[]): void {
  const header = [
    'scenario',
    'server',
    'updates',
    'updates/s',
    'p50 ms',
    'p99 ms',
    'CPU s',
    'RSS MB',
    'DB B/update',
  ];
  const lines = rows.map((row) => [
    row.scenario,
    row.server,
    String(row.updates),
    row.updatesPerSecond.toFixed(0),
    row.p50Ms.toFixed(1),
    row.p99Ms.toFixed(1),
    row.cpuSeconds.toFixed(2),
    row.rssMb.toFixed(0),
    row.bytesPerUpdate === null ? '-' : row.bytesPerUpdate.toFixed(0),
  ]);
  for (const scenario of new Set(rows.map((row) => row.scenario))) {
    const ours = rows.find((row) => row.scenario === scenario && row.server === 'common-ground');
    if (!ours) continue;
    for (const peer of rows.filter((row) => row.scenario === scenario && row !== ours)) {
      lines.push([
        scenario,
        `ours ÷ ${peer.server}`,
        '',
        `${(ours.updatesPerSecond / peer.updatesPerSecond).toFixed(2)}×`,
        `${(ours.p50Ms / peer.p50Ms).toFixed(2)}×`,
        `${(ours.p99Ms / peer.p99Ms).toFixed(2)}×`,
        `${(ours.cpuSeconds / peer.cpuSeconds).toFixed(2)}×`,
        `${(ours.rssMb / peer.rssMb).toFixed(2)}×`,
        '',
      ]);
    }
  }
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => line[column]!.length)),
  );
  const format = (cells: string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  process.stdout.write(
    [
      format(header),
      `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`,
      ...lines.map(format),
    ].join('\n') + '\n',
  );
}

await main();
