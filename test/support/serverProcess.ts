import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '../..');

/**
 * Runs `server/src/main.ts` as a real process with the given environment: one node process with tsx as a loader (not
 * a wrapper process), so SIGTERM and SIGKILL reach the server itself, as they would in production.
 */
export function spawnServer(env: Record<string, string>): {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  listening: (timeoutMs?: number) => Promise<number>;
} {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(repoRoot, 'server', 'src', 'main.ts')],
    {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    output: () => output,
    exited,
    listening: (timeoutMs = 30_000) =>
      new Promise((resolve, reject) => {
        const started = Date.now();
        const timer = setInterval(() => {
          const match = /listening on http:\/\/localhost:(\d+)/.exec(output);
          if (match) {
            clearInterval(timer);
            resolve(Number(match[1]));
          } else if (child.exitCode !== null || Date.now() - started > timeoutMs) {
            clearInterval(timer);
            reject(new Error(`server did not start:\n${output}`));
          }
        }, 50);
      }),
  };
}

/** A spawned server instance and the port it listens on. */
export type ServerInstance = ReturnType<typeof spawnServer> & { port: number; origin: string };

/**
 * Spawns `count` instances on one database and one Redis, each on its own free loopback port, and waits until all
 * listen. `env` is added to (and may override) what every instance gets.
 */
export async function spawnInstances(
  count: number,
  shared: { uri: string; redisUrl: string; ports: number[] },
  env: Record<string, string> = {},
): Promise<ServerInstance[]> {
  const instances = shared.ports.slice(0, count).map((port) => ({
    ...spawnServer({
      MONGODB_URI: shared.uri,
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      REDIS_URL: shared.redisUrl,
      ...env,
    }),
    port,
    origin: `http://127.0.0.1:${port}`,
  }));
  await Promise.all(instances.map((instance) => instance.listening()));
  return instances;
}

/** Stops every instance still running (SIGTERM) and waits for each to exit. */
export async function stopInstances(instances: Array<ReturnType<typeof spawnServer>>): Promise<void> {
  for (const instance of instances) {
    if (instance.child.exitCode === null && instance.child.signalCode === null)
      instance.child.kill('SIGTERM');
    await instance.exited;
  }
}
