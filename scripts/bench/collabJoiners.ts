/**
 * Worker thread for the reconnect storm: on `go` it connects its share of clients at once and reports each one's
 * time to first sync, so decoding the large document in many clients is spread over threads.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { connectTo, type BenchClient, type BenchEndpoint } from './collabPeers.ts';

// Each y-websocket provider adds a process exit listener.
process.setMaxListeners(0);

const { endpoint, document, count, role, firstPerson } = workerData as {
  endpoint: BenchEndpoint;
  document: string;
  count: number;
  role: 'editor' | 'watcher';
  /** This worker's first client connects as this person of `endpoint.people` (when the endpoint has people). */
  firstPerson: number;
};
const SYNC_TIMEOUT_MS = 60_000;
const clients: BenchClient[] = [];
/** Milliseconds from connecting to the socket being open (the upgrade admitted), per client. */
const opens: number[] = [];

parentPort!.postMessage({ type: 'ready' });
parentPort!.on('message', (message: { type: string }) => {
  if (message.type === 'go') {
    void (async () => {
      const joins = Array.from({ length: count }, (_, index) => {
        const started = performance.now();
        const client = connectTo(endpoint, document, role, firstPerson + index);
        clients.push(client);
        void client.opened.then(() => opens.push(performance.now() - started));
        return Promise.race([
          client.synced.then(() => performance.now() - started),
          new Promise<null>((resolve) => setTimeout(() => resolve(null), SYNC_TIMEOUT_MS)),
        ]);
      });
      const results = await Promise.all(joins);
      const times = results.filter((time): time is number => time !== null);
      parentPort!.postMessage({ type: 'joined', times, opens, failed: results.length - times.length });
    })();
  }
  if (message.type === 'finish') {
    for (const client of clients) client.destroy();
    parentPort!.postMessage({ type: 'finished' });
  }
});
