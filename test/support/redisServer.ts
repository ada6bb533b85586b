import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

/** A throw-away Debian redis-server on a free loopback port, without persistence. */
export interface RedisServer {
  url: string;
  port: number;
  /** Stops the server (SIGKILL when `hard`), keeping the port for `start()`. */
  stop(options?: { hard?: boolean }): Promise<void>;
  /** Starts it again on the same port, empty, as after a crash of an instance without persistence. */
  start(): Promise<void>;
}

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

function redisBinary(): string {
  for (const candidate of ['/usr/bin/redis-server', '/usr/local/bin/redis-server']) {
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(
    'redis-server is not installed: `./run test` installs it (or `apt-get install redis-server`)',
  );
}

/** Starts redis-server on `port` (a free one by default); `started: false` only reserves the port. */
export async function startRedis(options: { port?: number; started?: boolean } = {}): Promise<RedisServer> {
  const binary = redisBinary();
  const port = options.port ?? (await freePort());
  let child: ChildProcess | null = null;

  const start = () =>
    new Promise<void>((resolve, reject) => {
      const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
      const proc = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
      child = proc;
      let output = '';
      const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${output}`)), 10_000);
      proc.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Ready to accept connections')) {
          clearTimeout(timer);
          resolve();
        }
      });
      proc.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited with ${code}:\n${output}`));
      });
    });

  const stop = async ({ hard = false } = {}) => {
    const proc = child as ChildProcess | null;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    proc.kill(hard ? 'SIGKILL' : 'SIGTERM');
    await exited;
    child = null;
  };

  if (options.started !== false) await start();
  return { url: `redis://127.0.0.1:${port}`, port, stop, start };
}
