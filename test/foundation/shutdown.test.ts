import { describe, expect, it } from 'vitest';
import { testDatabaseUri } from '../support/testDatabase.ts';
import { spawnServer } from '../support/serverProcess.ts';

describe('graceful shutdown', () => {
  it('exits cleanly within 5 s of SIGTERM, with an open socket connected', async () => {
    const server = spawnServer({
      MONGODB_URI: testDatabaseUri(),
      PORT: '0',
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
    });
    const port = await server.listening();
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    const lingering = await fetch(`http://127.0.0.1:${port}/socket.io/?EIO=4&transport=polling`);
    expect(lingering.status).toBe(200);

    const started = Date.now();
    server.child.kill('SIGTERM');
    const { code } = await server.exited;
    expect(code).toBe(0);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(server.output()).toContain('shutdown complete');
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });
});
