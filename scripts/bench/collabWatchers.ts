/**
 * Worker thread for the collaboration benchmark: connects a share of the watchers, so the clients' own CPU does not
 * bottleneck the servers under test, and records when each watcher's state for each writer advanced.
 */
import { parentPort, workerData } from 'node:worker_threads';
import * as Y from 'yjs';
import { connectTo, type BenchEndpoint } from './collabPeers.ts';

// Each y-websocket provider adds a process exit listener.
process.setMaxListeners(0);

const { endpoint, document, count, sampled } = workerData as {
  endpoint: BenchEndpoint;
  document: string;
  count: number;
  sampled: number;
};
const clients = Array.from({ length: count }, () => connectTo(endpoint, document, 'watcher'));
/** Per sampled watcher: [client id, state reached, absolute ms] each time a writer's state advanced. */
const deliveries: Array<Array<[number, number, number]>> = clients.slice(0, sampled).map(() => []);
clients.slice(0, sampled).forEach((client, index) => {
  const reached = new Map<number, number>();
  client.doc.on('update', () => {
    const at = performance.timeOrigin + performance.now();
    for (const id of client.doc.store.clients.keys()) {
      const state = Y.getState(client.doc.store, id);
      if (state > (reached.get(id) ?? 0)) {
        reached.set(id, state);
        deliveries[index]!.push([id, state, at]);
      }
    }
  });
});
await Promise.all(clients.map((client) => client.synced));
parentPort!.postMessage({ type: 'ready' });
parentPort!.on('message', (message: { type: string }) => {
  if (message.type === 'progress') {
    const sums = clients
      .slice(0, Math.max(1, sampled))
      .map((client) =>
        [...client.doc.store.clients.keys()].reduce((sum, id) => sum + Y.getState(client.doc.store, id), 0),
      );
    parentPort!.postMessage({ type: 'progress', least: Math.min(...sums) });
    return;
  }
  if (message.type !== 'finish') return;
  for (const client of clients) client.destroy();
  parentPort!.postMessage({ type: 'deliveries', deliveries });
});
