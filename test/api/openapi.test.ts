import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import { HTTP_ROUTES } from '@common-ground/shared';
import { api } from '../support/http.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';

type OpenApiDocument = {
  openapi: string;
  paths: Record<string, Record<string, { parameters?: { name: string; in: string; required?: boolean }[] }>>;
};

describe('GET /api/openapi.json', () => {
  let server: TestServer;
  let document: OpenApiDocument;
  beforeAll(async () => {
    server = await startTestServer({ DISABLE_RATE_LIMITS: 'true' });
    const result = await api<OpenApiDocument>(server.origin, 'GET', '/api/openapi.json');
    expect(result.status).toBe(200);
    document = result.body;
  });
  afterAll(async () => server?.stop());

  it('is a valid OpenAPI 3.1 document', async () => {
    expect(document.openapi).toBe('3.1.0');
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document) as never);
    expect(result.errors ?? [], JSON.stringify(result.errors)).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('describes every route in the shared HTTP_ROUTES with its method and path parameters', () => {
    expect(HTTP_ROUTES.length).toBeGreaterThan(20);
    for (const route of HTTP_ROUTES) {
      const operation = document.paths[route.path]?.[route.method];
      expect(operation, `${route.method.toUpperCase()} ${route.path}`).toBeDefined();
      for (const [, name] of route.path.matchAll(/\{(\w+)\}/g)) {
        expect(operation?.parameters, `${route.path} {${name}}`).toContainEqual(
          expect.objectContaining({ name, in: 'path', required: true }),
        );
      }
    }
  });

  it('describes nothing that HTTP_ROUTES does not list', () => {
    const listed = new Set(HTTP_ROUTES.map((route) => `${route.method} ${route.path}`));
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const method of Object.keys(operations))
        expect(listed, `${method} ${path}`).toContain(`${method} ${path}`);
    }
  });
});
