import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mongoose from 'mongoose';
import { pino } from 'pino';
import { readinessSchema } from '@common-ground/shared';
import { connectDatabase } from '../../server/src/database/connectDatabase.ts';
import { freePort, startLocalDatabase, type LocalDatabase } from '../../server/src/database/localDatabase.ts';
import { parseEnv } from '../../server/src/env.ts';
import { createPlatformServer, type PlatformServer } from '../../server/src/server.ts';

const logger = pino({ level: 'silent' });

async function waitForStatus(url: string, status: number, timeoutMs = 20_000): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(url);
    if (response.status === status) return response;
    if (Date.now() > deadline) throw new Error(`expected ${status} from ${url}, last got ${response.status}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('/readyz follows the database', () => {
  let dataDir: string;
  let port: number;
  let database: LocalDatabase;
  let server: PlatformServer;
  let origin: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'cg-readyz-'));
    port = await freePort();
    database = await startLocalDatabase({ dataDir, logger, port });
    await connectDatabase(database.uri, { timeoutMs: 20_000, logger });
    const parsed = parseEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
    if (!parsed.ok) throw new Error('bad env');
    server = createPlatformServer({ env: parsed.env, logger });
    origin = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}`;
  });

  afterAll(async () => {
    await server.close();
    await mongoose.disconnect();
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers /healthz while the process is up', async () => {
    const response = await fetch(`${origin}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok' });
  });

  it('is 200 with the database, 503 without it, and 200 again when it returns', async () => {
    const ready = await waitForStatus(`${origin}/readyz`, 200);
    expect(readinessSchema.parse(await ready.json()).database.reachable).toBe(true);

    await database.stop();
    const down = await waitForStatus(`${origin}/readyz`, 503);
    expect(readinessSchema.parse(await down.json())).toMatchObject({
      status: 'unavailable',
      database: { reachable: false },
    });

    database = await startLocalDatabase({ dataDir, logger, port });
    const back = await waitForStatus(`${origin}/readyz`, 200, 40_000);
    expect(readinessSchema.parse(await back.json()).status).toBe('ready');
  });
});
