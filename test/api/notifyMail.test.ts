import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUser } from '../support/factories.ts';
import { api } from '../support/http.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';

const SERVICE_ID = randomUUID();
const SECRET = randomUUID();
const TEMPLATE_ID = randomUUID();

interface NotifyRequest {
  path: string;
  authorization: string;
  body: {
    template_id: string;
    email_address: string;
    reference?: string;
    personalisation: { subject: string; body: string };
  };
}

/** Checks a Notify bearer token as Notify does: HS256 over the header and claims, signed with the key's secret. */
function issuerOf(authorization: string): string | null {
  const [header, claims, signature] = authorization.replace(/^Bearer /, '').split('.');
  const expected = createHmac('sha256', SECRET).update(`${header}.${claims}`).digest('base64url');
  if (signature !== expected) return null;
  return (JSON.parse(Buffer.from(claims!, 'base64url').toString()) as { iss: string }).iss;
}

/**
 * GOV.UK Notify cannot be reached from tests: this stands in for its email endpoint on a local port, so the real
 * `notifications-node-client` is exercised end to end (URL, token, JSON body), and only Notify itself is not.
 */
describe('GOV.UK Notify as the mail transport', () => {
  let notify: Server;
  const requests: NotifyRequest[] = [];
  let server: TestServer;
  beforeAll(async () => {
    notify = createServer((req: IncomingMessage, res) => {
      let data = '';
      req.on('data', (chunk: Buffer) => (data += chunk.toString()));
      req.on('end', () => {
        requests.push({
          path: req.url ?? '',
          authorization: req.headers.authorization ?? '',
          body: JSON.parse(data) as NotifyRequest['body'],
        });
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: randomUUID(), content: {}, template: { id: TEMPLATE_ID } }));
      });
    });
    await new Promise<void>((resolve) => notify.listen(0, '127.0.0.1', resolve));
    const { port } = notify.address() as AddressInfo;
    server = await startTestServer({
      NOTIFY_API_KEY: `common_ground_test-${SERVICE_ID}-${SECRET}`,
      NOTIFY_TEMPLATE_ID: TEMPLATE_ID,
      NOTIFY_BASE_URL: `http://127.0.0.1:${port}`,
      DISABLE_RATE_LIMITS: 'true',
    });
  });
  afterAll(async () => {
    await server?.stop();
    await new Promise((resolve) => notify?.close(resolve));
  });

  it('sends a password reset through the one template, with subject and body as personalisation', async () => {
    const person = await registerUser(server.origin);
    const result = await api(server.origin, 'POST', '/api/auth/password-reset', {
      body: { email: person.user.email },
    });
    expect(result.status).toBe(202);
    // The sign-up verification email goes through Notify too: this test is about the reset.
    const resets = () => requests.filter((request) => request.body.reference === 'password-reset');
    await expect.poll(() => resets().length, { timeout: 10_000 }).toBe(1);
    const [request] = resets();
    expect(request!.path).toBe('/v2/notifications/email');
    expect(issuerOf(request!.authorization)).toBe(SERVICE_ID);
    expect(request!.body.template_id).toBe(TEMPLATE_ID);
    expect(request!.body.email_address).toBe(person.user.email);
    expect(request!.body.reference).toBe('password-reset');
    expect(request!.body.personalisation.subject).toBe('Reset your Common Ground password');
    expect(request!.body.personalisation.body).toContain(`${server.origin}/reset-password/`);
  });
});
