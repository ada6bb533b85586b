import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../logger.ts';

const PIDFILE = 'local-database.pid';

interface PidRecord {
  server: number;
  database: number;
}

function commandLineOf(pid: number): string | null {
  try {
    process.kill(pid, 0);
  } catch {
    return null;
  }
  const procFile = `/proc/${pid}/cmdline`;
  if (existsSync(procFile)) {
    try {
      return readFileSync(procFile, 'utf8').replaceAll('\0', ' ');
    } catch {
      return null;
    }
  }
  const ps = spawnSync('ps', ['-o', 'command=', '-p', String(pid)], { encoding: 'utf8' });
  return ps.status === 0 ? ps.stdout.trim() : '';
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (commandLineOf(pid) === null) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return commandLineOf(pid) === null;
}

function readRecord(file: string): PidRecord | null {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<PidRecord>;
    return typeof parsed.server === 'number' && typeof parsed.database === 'number'
      ? { server: parsed.server, database: parsed.database }
      : null;
  } catch {
    return null;
  }
}

/** The pidfile that ties a local database's data folder to the one server using it. */
export interface DataDirClaim {
  /** Records the database process now serving this folder. */
  record(databasePid: number): void;
  /** Forgets the record once the database has stopped. */
  release(): void;
}

/**
 * Makes sure no other database process is using `dataDir` before a new one starts there. A pidfile names the server and
 * its database; when the server that wrote it is gone (it crashed, or was killed with -9) any database it left running
 * on these files is stopped first, so two databases never share the same SQLite or WiredTiger files. When that
 * server is still alive, starting is refused.
 */
export async function claimDataDir(dataDir: string, logger: Logger): Promise<DataDirClaim> {
  const file = path.join(dataDir, PIDFILE);
  const previous = readRecord(file);
  if (previous && previous.server !== process.pid && commandLineOf(previous.server)?.includes('node')) {
    const owner = commandLineOf(previous.database);
    if (owner?.includes(dataDir))
      throw new Error(
        `Another Common Ground server (pid ${previous.server}) is using the local database in ${dataDir}; stop it first or set DATA_DIR`,
      );
  }
  if (previous) {
    const leftover = commandLineOf(previous.database);
    if (leftover?.includes(dataDir)) {
      logger.warn({ pid: previous.database }, 'stopping a local database left running by a previous server');
      process.kill(previous.database, 'SIGTERM');
      if (!(await waitForExit(previous.database, 5000))) {
        process.kill(previous.database, 'SIGKILL');
        await waitForExit(previous.database, 2000);
      }
    }
  }
  return {
    record: (databasePid) =>
      writeFileSync(file, `${JSON.stringify({ server: process.pid, database: databasePid })}\n`),
    release: () => {
      if (readRecord(file)?.server === process.pid) rmSync(file, { force: true });
    },
  };
}
