import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { claimDataDir } from '../../server/src/database/claimDataDir.ts';
import { api } from '../support/http.ts';
import {
  buildIfStale,
  hasProcFs,
  processesMentioning,
  startProductionServer,
} from '../support/productionServer.ts';

async function waitUntil(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return check();
}

describe.skipIf(!hasProcFs)('the local database lives and dies with the server', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cg-crash-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('leaves no database running after kill -9 of the server, and a restart serves the same data', async () => {
    buildIfStale();
    const env = { DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'test', LOG_LEVEL: 'info' };
    const first = startProductionServer(env);
    const origin = `http://127.0.0.1:${await first.listening()}`;
    const account = {
      email: 'crash.test@example.org',
      displayName: 'Crash Test',
      password: 'written before a crash',
    };
    expect((await api(origin, 'POST', '/api/auth/register', { body: account })).status).toBe(201);
    expect(processesMentioning(dataDir).length).toBeGreaterThan(0);

    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    expect(await waitUntil(() => processesMentioning(dataDir).length === 0, 5000)).toBe(true);

    const second = startProductionServer(env);
    const again = `http://127.0.0.1:${await second.listening()}`;
    const login = await api(again, 'POST', '/api/auth/login', {
      body: { email: account.email, password: account.password },
    });
    expect(login.status).toBe(200);
    second.child.kill('SIGTERM');
    expect((await second.exited).code).toBe(0);
    expect(processesMentioning(dataDir)).toEqual([]);
  }, 240_000);

  it('stops a database a dead server left on the same files before starting another', async () => {
    const folder = path.join(dataDir, 'leftover');
    mkdirSync(folder, { recursive: true });
    // A stand-in for a database that outlived its server: a process whose command line names the folder.
    const leftover = spawn('sh', ['-c', 'sleep 300', folder], { stdio: 'ignore' });
    const deadServer = spawn('true');
    await new Promise((resolve) => deadServer.once('exit', resolve));
    writeFileSync(
      path.join(folder, 'local-database.pid'),
      JSON.stringify({ server: deadServer.pid, database: leftover.pid }),
    );
    const exited = new Promise((resolve) => leftover.once('exit', resolve));

    const claim = await claimDataDir(folder, pino({ level: 'silent' }));
    await exited;
    expect(leftover.signalCode).toBe('SIGTERM');
    claim.release();
  });
});
