import { spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../logger.ts';
import { claimDataDir } from './claimDataDir.ts';
import { spawnTiedChild } from './spawnTiedChild.ts';

/** A database this process started, with where its data lives and how to stop it. */
export interface LocalDatabase {
  kind: 'mongod' | 'ferretdb' | 'mongodb-memory-server';
  uri: string;
  dataDir: string;
  /** The database process's id, when this process started it (tests pause it to simulate a hanging database). */
  pid: number | null;
  stop(): Promise<void>;
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const toolsDir = process.env.COMMON_GROUND_TOOLS ?? path.join(homedir(), '.cache', 'common-ground');

/** Finds a free TCP port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function onPath(command: string): string | null {
  const result = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}

function ferretdbBinary(logger: Logger): string | null {
  const candidates = [
    path.join(toolsDir, 'bin', 'ferretdb'),
    onPath('ferretdb'),
    path.join(homedir(), 'go', 'bin', 'ferretdb'),
  ];
  for (const candidate of candidates) {
    if (candidate && existsSync(candidate) && spawnSync(candidate, ['--version']).status === 0)
      return candidate;
  }
  if (!onPath('go')) return null;
  logger.info('FerretDB not found; building it with Go (first start only)');
  const built = spawnSync('bash', [path.join(repoRoot, 'scripts', 'install-ferretdb.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (built.status !== 0) throw new Error('Building FerretDB failed; see the output above');
  return built.stdout.trim().split('\n').pop() ?? null;
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Starts a database binary whose data lives in `dataDir`: first stops any database a crashed server left on those
 * files, then starts one that dies with this process and is recorded in the folder's pidfile until it stops.
 */
async function startChild(
  binary: string,
  args: string[],
  options: { dataDir: string; logger: Logger; name: string },
): Promise<{ pid: number | null; stop: () => Promise<void> }> {
  const { dataDir, logger, name } = options;
  const claim = await claimDataDir(dataDir, logger);
  const child = spawnTiedChild(binary, args);
  if (child.pid !== undefined) claim.record(child.pid);
  child.stderr?.on('data', (chunk: Buffer) => logger.debug({ database: name }, chunk.toString().trim()));
  child.once('exit', (code, signal) => {
    claim.release();
    if (code !== 0 && signal !== 'SIGTERM' && signal !== 'SIGKILL')
      logger.error({ code, signal }, `${name} exited unexpectedly`);
  });
  return { pid: child.pid ?? null, stop: () => stopChild(child) };
}

/**
 * Starts a database for this process when MONGODB_URI is not set: a `mongod` on PATH if there is one, else FerretDB
 * over SQLite (built with Go when missing), else a real mongod downloaded by mongodb-memory-server.
 * Data lives in `dataDir` and survives restarts; the database process dies with this one, even after kill -9.
 */
export async function startLocalDatabase(options: {
  dataDir: string;
  logger: Logger;
  port?: number;
}): Promise<LocalDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const port = options.port ?? (await freePort());
  const { logger } = options;

  const mongod = onPath('mongod');
  if (mongod) {
    const dbPath = path.join(dataDir, 'mongod');
    mkdirSync(dbPath, { recursive: true });
    const child = await startChild(
      mongod,
      ['--dbpath', dbPath, '--port', String(port), '--bind_ip', '127.0.0.1'],
      { dataDir: dbPath, logger, name: 'mongod' },
    );
    return {
      kind: 'mongod',
      uri: `mongodb://127.0.0.1:${port}/common-ground`,
      dataDir: dbPath,
      pid: child.pid,
      stop: child.stop,
    };
  }

  const ferretdb = ferretdbBinary(logger);
  if (ferretdb) {
    const sqliteDir = path.join(dataDir, 'ferretdb');
    mkdirSync(sqliteDir, { recursive: true });
    const child = await startChild(
      ferretdb,
      [
        '--handler=sqlite',
        `--sqlite-url=file:${sqliteDir}/`,
        `--state-dir=${sqliteDir}`,
        `--listen-addr=127.0.0.1:${port}`,
        '--debug-addr=-',
        '--telemetry=disable',
        '--log-level=warn',
      ],
      { dataDir: sqliteDir, logger, name: 'ferretdb' },
    );
    return {
      kind: 'ferretdb',
      uri: `mongodb://127.0.0.1:${port}/common-ground`,
      dataDir: sqliteDir,
      pid: child.pid,
      stop: child.stop,
    };
  }

  const { MongoMemoryServer } = await import('mongodb-memory-server-core');
  const dbPath = path.join(dataDir, 'mongodb-memory-server');
  mkdirSync(dbPath, { recursive: true });
  const server = await MongoMemoryServer.create({ instance: { dbPath, port, storageEngine: 'wiredTiger' } });
  return {
    kind: 'mongodb-memory-server',
    uri: server.getUri('common-ground'),
    dataDir: dbPath,
    pid: server.instanceInfo?.instance.mongodProcess?.pid ?? null,
    stop: async () => {
      await server.stop({ doCleanup: false });
    },
  };
}
