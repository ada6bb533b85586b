import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { routes, type HttpRoute } from '@common-ground/shared';
import type * as AppModule from '../../server/src/app.ts';
import { tableEntryOf } from '../../server/src/routes/registerRoute.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';

// Keeps the app the platform server really serves (Socket.IO wraps the server's request listener, hiding it).
const served = vi.hoisted(() => ({ apps: [] as { router: { stack: Layer[] } }[] }));
vi.mock('../../server/src/app.ts', async (importOriginal) => {
  const original = await importOriginal<typeof AppModule>();
  return {
    ...original,
    createApp: (...args: Parameters<typeof original.createApp>) => {
      const app = original.createApp(...args);
      served.apps.push(app as never);
      return app;
    },
  };
});

/** The parts of an Express 5 router layer this walk reads. */
interface Layer {
  rawPath?: unknown;
  route?: { path: unknown; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** One route Express answers: `GET /api/rooms/{id}`, written the way the table writes it. */
interface RegisteredRoute {
  key: string;
  /** A RegExp route (the client's page fallback) has no table form. */
  pattern: boolean;
  /** The table entry registerRoute registered it from; none for a hand-written `router.get`. */
  entry?: HttpRoute;
}

/** Every route in a router stack, descending into each router mounted in it. */
function walk(stack: Layer[], prefix = ''): RegisteredRoute[] {
  return stack.flatMap((layer): RegisteredRoute[] => {
    if (layer.route) {
      const { path, methods } = layer.route;
      if (typeof path !== 'string') {
        return Object.keys(methods).map((method) => ({
          key: `${method.toUpperCase()} ${path}`,
          pattern: true,
        }));
      }
      const tablePath = (prefix + path).replace(/:(\w+)/g, '{$1}');
      return Object.keys(methods).map((method) => ({
        key: `${method.toUpperCase()} ${tablePath}`,
        pattern: false,
        entry: tableEntryOf(layer.route!),
      }));
    }
    if (!layer.handle?.stack) return [];
    if (typeof layer.rawPath !== 'string') throw new Error('cannot read where a router is mounted');
    return walk(layer.handle.stack, layer.rawPath === '/' ? prefix : prefix + layer.rawPath);
  });
}

describe('the shared route table and the routes Express answers', () => {
  let server: TestServer;
  let registered: RegisteredRoute[];
  beforeAll(async () => {
    server = await startTestServer({ DISABLE_RATE_LIMITS: 'true' });
    expect(served.apps).toHaveLength(1);
    registered = walk(served.apps[0]!.router.stack);
  });
  afterAll(async () => server?.stop());

  const table = (Object.entries(routes) as [string, HttpRoute][]).map(([name, route]) => ({
    name,
    route,
    key: `${route.method.toUpperCase()} ${route.path}`,
  }));

  it('registers every route the table lists', () => {
    const answered = new Set(registered.map((route) => route.key));
    const missing = table.filter(({ key }) => !answered.has(key)).map(({ name, key }) => `${name}: ${key}`);
    expect(missing, 'in the table but not registered').toEqual([]);
  });

  it('registers no route the table does not list, once each', () => {
    const listed = new Set(table.map(({ key }) => key));
    const [pages, api] = [registered.filter((r) => r.pattern), registered.filter((r) => !r.pattern)];
    expect(
      api.filter((route) => !listed.has(route.key)).map((route) => route.key),
      'registered but not in the table',
    ).toEqual([]);
    const keys = api.map((route) => route.key);
    expect(
      keys.filter((key, index) => keys.indexOf(key) !== index),
      'registered twice',
    ).toEqual([]);
    // The one pattern route is the client's page fallback (GET anything outside /api, /collab and /socket.io).
    expect(pages.map((route) => route.key.split(' ')[0])).toEqual(pages.length ? ['GET'] : []);
  });

  it('registers each route from its own table entry, so its schemas validate the request', () => {
    const entryByKey = new Map(table.map(({ key, route }) => [key, route]));
    const handWritten = registered
      .filter((route) => !route.pattern && route.entry !== entryByKey.get(route.key))
      .map((route) => route.key);
    expect(handWritten, 'not registered with registerRoute from its entry').toEqual([]);
  });
});
