import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../../server/src/demo/demoCommunity.ts';
import { buildIfStale, runCommand } from '../support/productionServer.ts';

describe('the demo (./run demo)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cg-demo-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('fills an empty local database and prints every sign-in, then refuses to run again', () => {
    buildIfStale();
    const env = { DATA_DIR: dataDir, PORT: '3000' };
    const first = runCommand(['demo'], env);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain(`password is: ${DEMO_PASSWORD}`);
    for (const person of DEMO_PEOPLE) expect(first.stdout).toContain(person.email);
    for (const kind of ['learning-set', 'open-day', 'partnership']) expect(first.stdout).toContain(kind);
    expect(first.stdout).toMatch(/http:\/\/localhost:3000\/visit\/[\w-]{20,}/);

    const second = runCommand(['demo'], env);
    expect(second.status).toBe(1);
    expect(second.stderr).toContain('already holds data');
    expect(second.stdout).not.toContain(DEMO_PASSWORD);
  }, 180_000);
});
