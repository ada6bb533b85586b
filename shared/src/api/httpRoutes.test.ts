import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineRoute, type HttpRoute } from './HttpRoute.ts';
import { HTTP_ROUTES, routes } from './httpRoutes.ts';
import { urlFor } from './urlFor.ts';

const pathParamNames = (path: string) => [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);

describe('the HTTP route table', () => {
  it('lists each method and path once', () => {
    const keys = HTTP_ROUTES.map((route) => `${route.method.toUpperCase()} ${route.path}`);
    expect(keys.length).toBeGreaterThan(40);
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
  });

  it.each(Object.entries(routes) as [string, HttpRoute][])(
    '%s validates exactly the parameters its path names',
    (_name, route) => {
      const shape = route.params instanceof z.ZodObject ? Object.keys(route.params.shape) : [];
      expect(shape.sort()).toEqual(pathParamNames(route.path).sort());
    },
  );

  it('refuses, at compile time, a path parameter without a schema', () => {
    const route = defineRoute({
      method: 'get',
      path: '/api/things/{id}',
      summary: 'A thing',
      auth: 'none',
      status: 200,
      // @ts-expect-error `{id}` in the path needs a params schema naming it
      params: z.strictObject({ thingId: z.string() }),
    });
    expect(route.path).toBe('/api/things/{id}');
  });
});

describe('urlFor', () => {
  it('fills in and encodes path parameters, and adds the query', () => {
    expect(urlFor(routes.exportDocument, { params: { id: 'a/b' }, query: { format: 'pdf' } })).toBe(
      '/api/documents/a%2Fb/export?format=pdf',
    );
  });

  it('leaves out an empty query', () => {
    expect(urlFor(routes.searchOrganisations, { query: {} })).toBe('/api/organisations');
    expect(urlFor(routes.listCommunities)).toBe('/api/communities');
  });

  it('refuses a missing parameter', () => {
    expect(() => urlFor(routes.getRoom, { params: {} as { id: string } })).toThrow(
      'needs the parameter "id"',
    );
  });
});
