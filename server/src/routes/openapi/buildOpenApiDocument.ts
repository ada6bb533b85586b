import { z } from 'zod';
import { errorBodySchema, routes, SESSION_COOKIE, type HttpRoute } from '@common-ground/shared';

const toSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' });

/** Builds an OpenAPI 3.1 description of the HTTP API from the shared zod schemas. */
export function buildOpenApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [name, route] of Object.entries(routes) as [string, HttpRoute][]) {
    const parameters = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => ({
      name: match[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const queryParameters = route.query
      ? Object.entries((toSchema(route.query, 'input').properties ?? {}) as Record<string, unknown>).map(
          ([name, schema]) => ({
            name,
            in: 'query',
            required: false,
            schema,
          }),
        )
      : [];
    paths[route.path] ??= {};
    paths[route.path]![route.method] = {
      operationId: name,
      summary: route.summary,
      ...(route.auth === 'none' ? { security: [] } : {}),
      ...(parameters.length || queryParameters.length
        ? { parameters: [...parameters, ...queryParameters] }
        : {}),
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: toSchema(route.body, 'input') } },
            },
          }
        : {}),
      responses: {
        [String(route.status)]: route.response
          ? {
              description: 'Success',
              content: { 'application/json': { schema: toSchema(route.response, 'output') } },
            }
          : { description: 'Success' },
        default: {
          description: 'Error',
          content: { 'application/json': { schema: toSchema(errorBodySchema, 'output') } },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Common Ground API',
      version: '0.1.0',
      description: "Community-of-practice platform for children's social care",
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
    security: [{ session: [] }],
    paths,
  };
}
