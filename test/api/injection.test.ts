import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, registerUser, roomWithEveryRole, type SignedIn } from '../support/factories.ts';
import { api } from '../support/http.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';
import { databaseSnapshot } from './databaseSnapshot.ts';

type Body = Record<string, unknown>;

/** One route that takes a JSON body, with a body it would accept and who sends it. */
interface BodyRoute {
  method: 'POST' | 'PATCH';
  path: string;
  valid: Body;
  cookie: string | null;
}

/** The routes below, in order, so each gets a test named after it. */
const ROUTE_NAMES = [
  'POST /api/auth/register',
  'POST /api/auth/login',
  'POST /api/organisations',
  'PATCH /api/organisations/:id/affiliations/:id',
  'POST /api/communities',
  'PATCH /api/communities/:id/members/:id',
  'POST /api/communities/:id/invitations',
  'POST /api/communities/:id/rooms',
  'POST /api/rooms/:id/visitor-passes',
  'POST /api/visits',
  'POST /api/documents/:id/versions',
];

const LONG = 'x'.repeat(10_000);

/** Operator-shaped values a NoSQL injection would put where a string belongs. */
const OPERATOR_VALUES: unknown[] = [
  { $ne: null },
  { $gt: '' },
  { $regex: '.*' },
  { $in: ['facilitator', 'member', 'observer'] },
  { $where: 'sleep(100) || true' },
  { $exists: true },
  ['an', 'array'],
];

/** Every hostile variation of a valid body: operators per field and everywhere at once, top-level operators,
 * prototype keys, unknown fields and very long strings. Raw JSON is used where JSON.stringify would drop a key. */
function corpus(valid: Body): { name: string; raw: string }[] {
  const cases: { name: string; raw: string }[] = [];
  const json = (name: string, body: unknown) => cases.push({ name, raw: JSON.stringify(body) });
  for (const field of Object.keys(valid)) {
    for (const value of OPERATOR_VALUES)
      json(`${field}=${JSON.stringify(value)}`, { ...valid, [field]: value });
    json(`${field} very long`, { ...valid, [field]: LONG });
  }
  json('every field {$ne:null}', Object.fromEntries(Object.keys(valid).map((key) => [key, { $ne: null }])));
  json('top-level $where', { ...valid, $where: 'sleep(100) || true' });
  json('top-level $nor', { ...valid, $nor: [{ email: 'nobody@example.org' }] });
  json('top-level $or', { ...valid, $or: [{}] });
  json('nested operator key', { ...valid, extra: { $set: { role: 'facilitator' } } });
  json('unknown field', { ...valid, grantEverything: true });
  const rest = JSON.stringify(valid).slice(1);
  cases.push({ name: '__proto__ key', raw: `{"__proto__":{"isAdmin":true,"role":"facilitator"},${rest}` });
  cases.push({
    name: 'constructor.prototype key',
    raw: `{"constructor":{"prototype":{"isAdmin":true}},${rest}`,
  });
  cases.push({ name: 'array body', raw: JSON.stringify([valid]) });
  return cases;
}

function expectRefusal(result: { status: number; body: unknown; cookie: string | null }, what: string) {
  expect(result.status, `${what}: ${JSON.stringify(result.body)}`).toBe(400);
  const error = (result.body as { error?: { code?: unknown; message?: unknown } }).error;
  expect(['validation_failed', 'bad_request'], what).toContain(error?.code);
  expect(typeof error?.message, what).toBe('string');
  expect(result.cookie, `${what} set a session cookie`).toBeNull();
}

describe('injection corpus: hostile input is refused with 400 and changes nothing', () => {
  let server: TestServer;
  let routes: BodyRoute[];
  let queries: { path: string; cookie: string }[];
  let facilitator: SignedIn;
  beforeAll(async () => {
    server = await startTestServer({ DISABLE_RATE_LIMITS: 'true' });
    const origin = server.origin;
    const world = await roomWithEveryRole(origin, 'open-day');
    facilitator = world.facilitator;
    const organisation = await createOrganisation(origin, facilitator);
    const applicant = await registerUser(origin);
    const asked = await api(origin, 'POST', `/api/organisations/${organisation.id}/affiliations`, {
      cookie: applicant.cookie,
      body: {},
    });
    expect(asked.status).toBe(201);
    const pass = await api<{ pass: { token: string } }>(
      origin,
      'POST',
      `/api/rooms/${world.room.id}/visitor-passes`,
      {
        cookie: facilitator.cookie,
        body: { label: 'Open day', expiresAt: new Date(Date.now() + 3600_000).toISOString() },
      },
    );
    const c = world.community.id;
    const f = facilitator.cookie;
    routes = [
      {
        method: 'POST',
        path: '/api/auth/register',
        cookie: null,
        valid: { email: 'new-person@example.org', password: 'a long enough password', displayName: 'New' },
      },
      {
        method: 'POST',
        path: '/api/auth/login',
        cookie: null,
        valid: { email: world.member.user.email, password: world.member.password },
      },
      { method: 'POST', path: '/api/organisations', cookie: f, valid: { name: 'Org', kind: 'voluntary' } },
      {
        method: 'PATCH',
        path: `/api/organisations/${organisation.id}/affiliations/${applicant.user.id}`,
        cookie: f,
        valid: { status: 'confirmed', isAdmin: true },
      },
      { method: 'POST', path: '/api/communities', cookie: f, valid: { name: 'C', purpose: 'Learning' } },
      {
        method: 'PATCH',
        path: `/api/communities/${c}/members/${world.observer.user.id}`,
        cookie: f,
        valid: { role: 'facilitator' },
      },
      {
        method: 'POST',
        path: `/api/communities/${c}/invitations`,
        cookie: f,
        valid: { email: 'someone@example.org', role: 'facilitator' },
      },
      {
        method: 'POST',
        path: `/api/communities/${c}/rooms`,
        cookie: f,
        valid: { title: 'Room', kind: 'learning-set' },
      },
      {
        method: 'POST',
        path: `/api/rooms/${world.room.id}/visitor-passes`,
        cookie: f,
        valid: { label: 'Pass', expiresAt: new Date(Date.now() + 3600_000).toISOString() },
      },
      {
        method: 'POST',
        path: '/api/visits',
        cookie: null,
        valid: { token: pass.body.pass.token, displayName: 'Visitor' },
      },
      {
        method: 'POST',
        path: `/api/documents/${world.room.documentId}/versions`,
        cookie: f,
        valid: { name: 'Version' },
      },
    ];
    const exportPath = `/api/documents/${world.room.documentId}/export`;
    queries = [
      '/api/organisations?search[$ne]=x',
      '/api/organisations?search[$regex]=.*',
      '/api/organisations?search[$gt]=',
      '/api/organisations?search=x&search=y',
      '/api/organisations?search[]=x',
      '/api/organisations?search[__proto__][isAdmin]=true',
      '/api/organisations?__proto__=x',
      '/api/organisations?constructor=x',
      '/api/organisations?unknown=1',
      `/api/organisations?search=${'x'.repeat(2000)}`,
      `${exportPath}?format[$ne]=pdf`,
      `${exportPath}?format=markdown&format=html`,
      `${exportPath}?format=markdown&extra=1`,
      `/api/rooms/${encodeURIComponent('{"$ne":null}')}`,
      `/api/communities/${encodeURIComponent('[$ne]')}/members`,
      `/api/rooms/${'a'.repeat(5000)}`,
      `/api/documents/${encodeURIComponent('{"$gt":""}')}/versions`,
    ].map((path) => ({ path, cookie: f }));
  });
  afterAll(async () => server?.stop());

  it('covers every state-changing route that takes a JSON body', () => {
    const templates = routes.map((route) => `${route.method} ${route.path.replace(/[a-f0-9]{24}/g, ':id')}`);
    expect(templates).toEqual(ROUTE_NAMES);
  });

  ROUTE_NAMES.forEach((name, index) => {
    it(`refuses every hostile body on ${name} and leaves the database as it was`, async () => {
      const route = routes[index]!;
      const before = await databaseSnapshot();
      for (const hostile of corpus(route.valid)) {
        const result = await api(server.origin, route.method, route.path, {
          cookie: route.cookie,
          rawBody: hostile.raw,
        });
        expectRefusal(result, `${route.method} ${route.path} with ${hostile.name}`);
      }
      expect(await databaseSnapshot()).toEqual(before);
    });
  });

  it('refuses operator, repeated, unknown and oversized query strings and route parameters', async () => {
    const before = await databaseSnapshot();
    for (const query of queries) {
      const result = await api(server.origin, 'GET', query.path, { cookie: query.cookie });
      expectRefusal(result, `GET ${query.path.slice(0, 120)}`);
    }
    expect(await databaseSnapshot()).toEqual(before);
  });

  it('never pollutes Object.prototype in the server process', () => {
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(({} as Record<string, unknown>).role).toBeUndefined();
  });

  it('still accepts the valid bodies, so the refusals above are about the hostile parts', async () => {
    const login = routes[1]!;
    const result = await api(server.origin, 'POST', login.path, { body: login.valid });
    expect(result.status).toBe(200);
    const versions = routes[10]!;
    const named = await api(server.origin, 'POST', versions.path, {
      cookie: facilitator.cookie,
      body: versions.valid,
    });
    expect(named.status).toBe(201);
  });
});
