import { readdirSync, readFileSync } from 'node:fs';
import { startNginx } from '../../test/support/nginxServer.ts';
import { startRedis } from '../../test/support/redisServer.ts';
import { startOurServer, type BenchServer } from './collabPeers.ts';
import { sampleProcess } from './discussionCrowd.ts';

/** Every instance's settings: limits lifted for simulated crowds. */
export const INSTANCE_ENV = {
  DISABLE_RATE_LIMITS: 'true',
  COLLAB_UPDATES_PER_SECOND: '1000000',
  COLLAB_UPDATE_BURST: '1000000',
  COLLAB_MAX_PENDING_UPGRADES_PER_IP: '1000',
  // Every simulated peer shares one account per role (as in bench:collab), so the fair shares per session and person
  // are lifted; without this all but 5 editors and 5 watchers are refused (4432) and the crowd never syncs.
  COLLAB_MAX_CONNECTIONS_PER_SESSION: '100000',
  COLLAB_MAX_CONNECTIONS_PER_USER: '100000',
};

/** One way of running the server: alone, alone behind nginx, or three on Redis behind nginx. */
export interface Deployment {
  name: 'one' | 'proxied' | 'three';
  origin: string;
  instances: BenchServer[];
  /** Redis and nginx, whose CPU belongs to the cross-instance cost. */
  helpers: Array<{ name: string; pid: number }>;
  stop(): Promise<void>;
}

/** Processes this benchmark spawned whose command name is `comm` (nginx master and worker, redis-server). */
function childrenNamed(comm: string, parent = process.pid): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === parent && name.startsWith(comm))
        found.push(Number(entry), ...childrenNamed(comm, Number(entry)));
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

/** Starts a deployment's instances (and Redis and nginx when it has them) on the database at `uri`. */
export async function startDeployment(name: Deployment['name'], uri: string): Promise<Deployment> {
  if (name === 'one') {
    const instance = await startOurServer(uri, INSTANCE_ENV);
    return { name, origin: instance.origin, instances: [instance], helpers: [], stop: () => instance.stop() };
  }
  const redis = name === 'three' ? await startRedis() : null;
  const instances = await Promise.all(
    (name === 'three' ? [0, 1, 2] : [0]).map(() =>
      startOurServer(uri, redis ? { ...INSTANCE_ENV, REDIS_URL: redis.url } : INSTANCE_ENV),
    ),
  );
  const nginx = await startNginx(instances.map((instance) => Number(new URL(instance.origin).port)));
  const helpers = [
    ...childrenNamed('redis-server').map((pid) => ({ name: 'redis', pid })),
    ...childrenNamed('nginx').map((pid) => ({ name: 'nginx', pid })),
  ];
  return {
    name,
    origin: nginx.origin,
    instances,
    helpers,
    stop: async () => {
      await nginx.stop();
      await Promise.all(instances.map((instance) => instance.stop()));
      await redis?.stop();
    },
  };
}

/** CPU seconds Redis and nginx used between two samples, by name. */
export function helperCpu(deployment: Deployment, before: number[], after: number[]): Record<string, number> {
  const totals: Record<string, number> = {};
  deployment.helpers.forEach((helper, i) => {
    totals[helper.name] = (totals[helper.name] ?? 0) + after[i]! - before[i]!;
  });
  return totals;
}

/** CPU seconds used so far by each of a deployment's helpers. */
export const sampleHelpers = (deployment: Deployment) =>
  deployment.helpers.map((helper) => {
    try {
      return sampleProcess(helper.pid).cpuSeconds;
    } catch {
      return 0;
    }
  });
