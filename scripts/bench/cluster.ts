/**
 * Cluster benchmark (not a test). Runs, in one run, on three deployments sharing one local database:
 *   - one: a single instance, reached directly, without Redis (the default deployment);
 *   - proxied: a single instance without Redis behind Debian's nginx (deploy/nginx.conf), the proxy's own cost;
 *   - three: three instances on one Redis (REDIS_URL), behind Debian's nginx running deploy/nginx.conf (round-robin).
 * (each with its own database on one local FerretDB or MONGODB_URI server) two scenarios:
 *   - collab crowd: 50 editors type 4 keystrokes a second while 200 watchers follow one document (as bench:collab);
 *   - discussion: 500 read-only watchers and 20 posters (1 message a second each) in one room (as bench:discussions).
 * Prints delivery latency p50/p99, CPU seconds per instance (and of Redis and nginx), and the cross-instance cost as
 * the ratios three ÷ one and three ÷ proxied (the latter leaves the proxy out of the comparison). Every child is stopped at the end; the run is bounded (BENCH_RUN_TIMEOUT_S per scenario).
 *
 * Each instance's database operations are written to stderr (on three, only the document's lease holder inserts).
 *
 *   pnpm bench:cluster   (BENCH_EDITORS=50 BENCH_WATCHERS=200 BENCH_RATE=4 BENCH_SECONDS=10
 *                         BENCH_DISCUSSION_WATCHERS=500 BENCH_POSTERS=20 BENCH_DISCUSSION_SECONDS=20 BENCH_WORKERS=4
 *                         BENCH_CLUSTER_SCENARIOS=crowd,discussion BENCH_CLUSTER_DEPLOYMENTS=one,proxied,three)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { COLLAB_PATH } from '@common-ground/shared';
import { startLocalDatabase } from '../../server/src/database/localDatabase.ts';
import { createCommunity, createRoom, joinCommunityAs, registerUser } from '../../test/support/factories.ts';
import { connectTo, type BenchClient, type BenchEndpoint, type BenchServer } from './collabPeers.ts';
import { manyClients } from './collabScenarios.ts';
import { printClusterTable, type Row } from './clusterTable.ts';
import { helperCpu, sampleHelpers, startDeployment, type Deployment } from './clusterDeployments.ts';
import { discussionCrowd } from './discussionCrowd.ts';
import { withTimeout } from './withTimeout.ts';

const CROWD = {
  editors: Number(process.env.BENCH_EDITORS ?? 50),
  watchers: Number(process.env.BENCH_WATCHERS ?? 200),
  sampled: 10,
  perSecond: Number(process.env.BENCH_RATE ?? 4),
  seconds: Number(process.env.BENCH_SECONDS ?? 10),
};
const DISCUSSION = {
  watchers: Number(process.env.BENCH_DISCUSSION_WATCHERS ?? 500),
  posters: Number(process.env.BENCH_POSTERS ?? 20),
  rate: 1,
  seconds: Number(process.env.BENCH_DISCUSSION_SECONDS ?? 20),
  workers: Number(process.env.BENCH_WORKERS ?? 4),
};
/** Which scenarios and deployments to run (BENCH_CLUSTER_SCENARIOS, BENCH_CLUSTER_DEPLOYMENTS=one,proxied,three). */
const SELECTED = (process.env.BENCH_CLUSTER_SCENARIOS ?? 'crowd,discussion')
  .split(',')
  .map((name) => name.trim());
const DEPLOYMENTS = (process.env.BENCH_CLUSTER_DEPLOYMENTS ?? 'one,proxied,three')
  .split(',')
  .map((name) => name.trim()) as Array<Deployment['name']>;
const RUN_TIMEOUT_MS = Number(process.env.BENCH_RUN_TIMEOUT_S ?? 240) * 1000;
const hardStop = setTimeout(
  () => {
    process.stderr.write('benchmark exceeded its time bound; stopping\n');
    process.exit(2);
  },
  4 * RUN_TIMEOUT_MS + 180_000,
);
process.setMaxListeners(0);

/** An editor that has not synced after this long was refused (or the server is stuck): fail instead of waiting. */
const SYNC_BOUND_MS = 30_000;

/** Database operations each instance made during `work` (from the bench probe), written to stderr. */
async function countQueries<T>(deployment: Deployment, label: string, work: () => Promise<T>): Promise<T> {
  const before = await Promise.all(deployment.instances.map((instance) => instance.probe()));
  const result = await work();
  const after = await Promise.all(deployment.instances.map((instance) => instance.probe()));
  after.forEach((probe, i) => {
    const made = Object.entries(probe.queries)
      .map(([key, count]) => [key, count - (before[i]!.queries[key] ?? 0)] as const)
      .filter(([, count]) => count > 0);
    process.stderr.write(
      `${label} on ${deployment.name}, instance ${i + 1}: database operations ${JSON.stringify(Object.fromEntries(made))}\n`,
    );
  });
  return result;
}

/**
 * Rejects when a client has not synced within {@link SYNC_BOUND_MS}: a refused client (a close code such as 4432)
 * reconnects for ever and the crowd would otherwise wait until the run's bound.
 */
function syncWatchdog(): {
  watch: (client: BenchClient) => BenchClient;
  failure: Promise<never>;
  stop(): void;
} {
  const waiting = new Map<BenchClient, number>();
  let timer: NodeJS.Timeout;
  const failure = new Promise<never>((_, reject) => {
    timer = setInterval(() => {
      const late = [...waiting].filter(([, since]) => Date.now() - since > SYNC_BOUND_MS);
      if (!late.length) return;
      const closes = late.reduce((sum, [client]) => sum + client.closes(), 0);
      reject(
        new Error(
          `${late.length} clients not synced after ${SYNC_BOUND_MS / 1000} s (closed ${closes} times; ` +
            'BENCH_VERBOSE=1 prints the close codes)',
        ),
      );
    }, 1000);
  });
  failure.catch(() => undefined);
  return {
    watch: (client) => {
      waiting.set(client, Date.now());
      void client.synced.then(() => waiting.delete(client));
      return client;
    },
    failure,
    stop: () => clearInterval(timer),
  };
}

/** The collaboration crowd through the deployment's front door (nginx spreads the clients over the instances). */
async function collabCrowd(deployment: Deployment): Promise<Row> {
  const origin = deployment.origin;
  const facilitator = await registerUser(origin);
  const community = await createCommunity(origin, facilitator);
  const observer = await joinCommunityAs(origin, facilitator, community.id, 'observer');
  const document = (await createRoom(origin, facilitator, community.id)).documentId;
  const endpoint: BenchEndpoint = {
    kind: 'y-websocket',
    url: `${origin.replace(/^http/, 'ws')}${COLLAB_PATH}`,
    cookies: { editor: facilitator.cookie, watcher: observer.cookie },
  };
  const pids = deployment.instances.map((instance) => instance.pid);
  const unsynced = syncWatchdog();
  const watch = unsynced.watch;
  const server: BenchServer = {
    name: `common-ground × ${deployment.instances.length}`,
    pid: pids[0]!,
    pids,
    endpoint,
    connect: (doc, role) => watch(connectTo(endpoint, doc, role)),
    probe: () => Promise.reject(new Error('not used')),
    stop: () => Promise.resolve(),
  };
  const helpersBefore = sampleHelpers(deployment);
  const result = await countQueries(deployment, 'collab crowd', () =>
    Promise.race([manyClients(server, document, CROWD), unsynced.failure]),
  ).finally(() => unsynced.stop());
  const expected = result.updates * CROWD.sampled;
  return {
    scenario: `collab crowd (${CROWD.editors} editors, ${CROWD.watchers} watchers)`,
    deployment: deployment.name,
    p50Ms: result.p50Ms,
    p99Ms: result.p99Ms,
    cpuEach: result.cpuSecondsEach ?? [result.cpuSeconds],
    // Includes the setup's connections; small beside the run, and the same for both deployments' helpers.
    helperCpu: helperCpu(deployment, helpersBefore, sampleHelpers(deployment)),
    delivered: `${result.updates} updates × ${CROWD.sampled} sampled = ${expected}`,
  };
}

async function discussion(deployment: Deployment): Promise<Row> {
  const helpersBefore = sampleHelpers(deployment);
  const result = await countQueries(deployment, 'discussion', () =>
    discussionCrowd(
      deployment.origin,
      deployment.instances.map((instance) => instance.pid),
      DISCUSSION,
    ),
  );
  return {
    scenario: `discussion (${DISCUSSION.watchers} watchers, ${DISCUSSION.posters} posters)`,
    deployment: deployment.name,
    p50Ms: result.latencyMs.p50,
    p99Ms: result.latencyMs.p99,
    cpuEach: result.cpuSecondsEach,
    helperCpu: helperCpu(deployment, helpersBefore, sampleHelpers(deployment)),
    delivered: `${result.deliveriesReceived} of ${result.deliveriesExpected}`,
  };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cg-bench-cluster-'));
  const database = process.env.MONGODB_URI
    ? null
    : await startLocalDatabase({ dataDir, logger: pino({ level: 'warn' }) });
  const uri =
    process.env.MONGODB_URI ?? `${database!.uri.replace(/\/[^/]*$/, '')}/bench_cluster_${Date.now()}`;
  const rows: Row[] = [];
  try {
    for (const name of DEPLOYMENTS) {
      // A database per deployment: on FerretDB over SQLite, queries slow down as collections grow.
      const databaseName = `${new URL(uri).pathname.slice(1)}_${name}`;
      const deployment = await startDeployment(name, uri.replace(/\/[^/?]*(\?|$)/, `/${databaseName}$1`));
      try {
        for (const [label, run] of [
          ['crowd', collabCrowd],
          ['discussion', discussion],
        ] as const) {
          if (!SELECTED.includes(label)) continue;
          process.stderr.write(`${label} on ${name} instance(s)…\n`);
          try {
            rows.push(await withTimeout(run(deployment), `${label} on ${name}`, RUN_TIMEOUT_MS));
          } catch (error) {
            process.stderr.write(`${label} on ${name} failed: ${(error as Error).message}\n`);
          }
        }
      } finally {
        await deployment.stop();
      }
    }
  } finally {
    await database?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  printClusterTable(rows);
  clearTimeout(hardStop);
  process.exit(0);
}

await main();
