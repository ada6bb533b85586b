import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MongoClient } from 'mongodb';
import { pino } from 'pino';
import { startLocalDatabase } from '../../server/src/database/localDatabase.ts';

describe('the local database', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cg-local-db-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps a record written before a restart', async () => {
    const logger = pino({ level: 'silent' });
    const first = await startLocalDatabase({ dataDir, logger });
    const writer = await MongoClient.connect(first.uri, { serverSelectionTimeoutMS: 20_000 });
    await writer.db().collection('notes').insertOne({ text: 'written before restart' });
    await writer.close();
    await first.stop();

    const second = await startLocalDatabase({ dataDir, logger });
    const reader = await MongoClient.connect(second.uri, { serverSelectionTimeoutMS: 20_000 });
    const found = await reader.db().collection('notes').findOne({ text: 'written before restart' });
    await reader.close();
    await second.stop();
    expect(found?.text).toBe('written before restart');
    expect(first.dataDir).toBe(second.dataDir);
  });
});
