/** A stock Hocuspocus server (no extensions, so in memory only) for the collaboration benchmark; PORT from env. */
import { Server } from '@hocuspocus/server';

const port = Number(process.env.PORT ?? 1234);
const server = new Server({ port, address: '127.0.0.1', quiet: true, stopOnSignals: true });
await server.listen();
process.stdout.write(`listening on ${port}\n`);
