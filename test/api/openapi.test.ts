import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import { routes } from '@common-ground/shared';
import { api } from '../support/http.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';

type OpenApiDocument = { openapi: string; paths: Record<string, Record<string, { operationId: string }>> };

// That the document covers every route follows from its being built from the shared table, which routeTable.test.ts
// holds to the routes the server really registers.
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

  it('describes each route of the table once, by its name', () => {
    const operations = Object.values(document.paths).flatMap((operations) => Object.values(operations));
    expect(operations.map((operation) => operation.operationId).sort()).toEqual(Object.keys(routes).sort());
  });
});
