import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { pino } from 'pino';
import { startLocalDatabase } from '../../server/src/database/localDatabase.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    mongoUri: string;
    databaseKind: string;
  }
}

/** Starts one throw-away database for the whole run; each test file then uses its own database inside it. */
export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cg-test-db-'));
  const database = await startLocalDatabase({ dataDir, logger: pino({ level: 'warn' }) });
  project.provide('mongoUri', database.uri);
  project.provide('databaseKind', database.kind);
  process.stderr.write(`[test] ${database.kind} on ${database.uri} with data in ${dataDir}\n`);
  return async () => {
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
