/**
 * A worker thread of the discussion benchmark holding a share of the read-only watchers, so parsing 500 sockets'
 * deliveries does not slow down the thread that posts and times acknowledgements.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { SOCKET_EVENTS, type Message } from '@common-ground/shared';
import { connectSocket, joinRoom, type ClientSocket } from '../../test/realtime/discussionClient.ts';

const { origin, roomId, cookies, count } = workerData as {
  origin: string;
  roomId: string;
  cookies: string[];
  count: number;
};
const wallClock = () => performance.timeOrigin + performance.now();
const sockets: ClientSocket[] = [];
const latencies: number[] = [];
let received = 0;

for (let i = 0; i < count; i += 25) {
  const batch = await Promise.all(
    Array.from({ length: Math.min(25, count - i) }, (_, j) =>
      connectSocket(origin, cookies[(i + j) % cookies.length]!),
    ),
  );
  await Promise.all(batch.map((socket) => joinRoom(socket, roomId)));
  for (const socket of batch) {
    socket.on(SOCKET_EVENTS.messageNew, ({ message }: { message: Message }) => {
      received++;
      // Bodies are `bench <send time> <uuid>`: the poster's wall-clock time when it emitted the message.
      const sent = Number(message.body.split(' ')[1]);
      if (Number.isFinite(sent)) latencies.push(wallClock() - sent);
    });
  }
  sockets.push(...batch);
}
parentPort!.postMessage({ type: 'ready' });
parentPort!.on('message', (message: { type: string }) => {
  if (message.type === 'count') parentPort!.postMessage({ type: 'count', received });
  if (message.type === 'stop') {
    for (const socket of sockets) socket.close();
    parentPort!.postMessage({ type: 'result', received, latencies });
  }
});
