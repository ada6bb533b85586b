import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, can, type Capability, type DocumentVersion, type Role } from '@common-ground/shared';
import { roomWithEveryRole } from '../support/factories.ts';
import { api } from '../support/http.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';

interface Endpoint {
  name: string;
  capability: Capability;
  method: 'GET' | 'POST';
  path: (documentId: string, versionId: string) => string;
  body?: unknown;
  success: number;
}

/** Every document route and the one capability it needs; cases below are generated from the shared role table. */
const ENDPOINTS: Endpoint[] = [
  {
    name: 'list versions',
    capability: 'document.view',
    method: 'GET',
    path: (d) => `/api/documents/${d}/versions`,
    success: 200,
  },
  {
    name: 'preview a version',
    capability: 'document.view',
    method: 'GET',
    path: (d, v) => `/api/documents/${d}/versions/${v}`,
    success: 200,
  },
  {
    name: 'name a version',
    capability: 'document.version',
    method: 'POST',
    path: (d) => `/api/documents/${d}/versions`,
    body: { name: 'Named' },
    success: 201,
  },
  {
    name: 'restore a version',
    capability: 'document.edit',
    method: 'POST',
    path: (d, v) => `/api/documents/${d}/versions/${v}/restore`,
    success: 201,
  },
  {
    name: 'see changes since last visit',
    capability: 'document.view',
    method: 'GET',
    path: (d) => `/api/documents/${d}/changes-since-last-visit`,
    success: 200,
  },
  {
    name: 'record a visit',
    capability: 'document.view',
    method: 'POST',
    path: (d) => `/api/documents/${d}/visits`,
    success: 200,
  },
  {
    name: 'export Markdown',
    capability: 'document.view',
    method: 'GET',
    path: (d) => `/api/documents/${d}/export?format=markdown`,
    success: 200,
  },
  {
    name: 'export HTML',
    capability: 'document.view',
    method: 'GET',
    path: (d) => `/api/documents/${d}/export?format=html`,
    success: 200,
  },
];

describe('document routes follow the one role table', () => {
  let server: TestServer;
  let setup: Awaited<ReturnType<typeof roomWithEveryRole>>;
  let versionId: string;

  beforeAll(async () => {
    server = await startTestServer();
    setup = await roomWithEveryRole(server.origin, 'open-day');
    const created = await api<{ version: DocumentVersion }>(
      server.origin,
      'POST',
      `/api/documents/${setup.room.documentId}/versions`,
      {
        cookie: setup.facilitator.cookie,
        body: { name: 'Starting point' },
      },
    );
    expect(created.status).toBe(201);
    versionId = created.body.version.id;
  });
  afterAll(async () => {
    await server?.stop();
  });

  const cases = ROLES.flatMap((role) =>
    ENDPOINTS.map((endpoint) => ({ role, endpoint, allowed: can(role, endpoint.capability) })),
  );

  it.each(cases)(
    '$role: $endpoint.name → allowed: $allowed',
    async ({ role, endpoint, allowed }: { role: Role; endpoint: Endpoint; allowed: boolean }) => {
      const result = await api(
        server.origin,
        endpoint.method,
        endpoint.path(setup.room.documentId, versionId),
        {
          cookie: setup.cookies[role],
          body: endpoint.body,
        },
      );
      expect(result.status, JSON.stringify(result.body)).toBe(allowed ? endpoint.success : 403);
    },
  );

  it.each(ENDPOINTS)('hides the document from outsiders and anonymous callers: $name', async (endpoint) => {
    const outsider = await api(
      server.origin,
      endpoint.method,
      endpoint.path(setup.room.documentId, versionId),
      {
        cookie: setup.outsider.cookie,
        body: endpoint.body,
      },
    );
    expect(outsider.status).toBe(404);
    const anonymous = await api(
      server.origin,
      endpoint.method,
      endpoint.path(setup.room.documentId, versionId),
      { body: endpoint.body },
    );
    expect(anonymous.status).toBe(401);
  });
});
