import type { AddressInfo } from 'node:net';
import express, { Router } from 'express';
import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { routes } from '@common-ground/shared';
import type { Caller } from '../auth/Caller.ts';
import { errorHandler } from '../middlewares/errorHandler.ts';
import { expressPath, registerRoute } from './registerRoute.ts';

const ROOM_ID = 'a'.repeat(24);
const visitor: Caller = {
  kind: 'visitor',
  sessionId: 's',
  visitor: { id: 'v', displayName: 'Vee' },
  passId: 'p',
  roomId: ROOM_ID,
  expiresAt: new Date(Date.now() + 60_000),
};

const closers: (() => void)[] = [];
afterEach(() => closers.splice(0).forEach((close) => close()));

/** Serves one router under /api as the app does, with `caller` as the session's caller. */
async function serve(register: (router: Router) => void, caller: Caller | null): Promise<string> {
  const app = express();
  app.use(express.json());
  app.use((req, _res, next) => {
    req.caller = caller;
    next();
  });
  const router = Router();
  register(router);
  app.use('/api', router);
  app.use(errorHandler(pino({ level: 'silent' })));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  closers.push(() => server.close());
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('registerRoute', () => {
  it('hands the handler the caller, params and query as the entry’s schemas parse them', async () => {
    const seen = vi.fn();
    const origin = await serve(
      (router) =>
        registerRoute(router, routes.listMessages, ({ caller, params, query }, _req, res) => {
          seen(caller.kind, params.id, query.after);
          res.json({ messages: [], hasMore: false, latestSeq: 0 });
        }),
      visitor,
    );
    const response = await fetch(`${origin}/api/rooms/${ROOM_ID}/messages?after=7`);
    expect(response.status).toBe(200);
    expect(seen).toHaveBeenCalledWith('visitor', ROOM_ID, 7);
  });

  it('answers 400 validation_failed, naming each bad field, before the handler runs', async () => {
    const handler = vi.fn();
    const origin = await serve((router) => registerRoute(router, routes.createRoom, handler), visitor);
    const response = await fetch(`${origin}/api/communities/not-an-id/rooms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'learning-set', title: 'T' }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { code: 'validation_failed', details: { fields: { id: 'must be an id' } } },
    });
    const badBody = await fetch(`${origin}/api/communities/${ROOM_ID}/rooms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'learning-set', title: 'T', $where: '1' }),
    });
    expect(
      ((await badBody.json()) as { error: { details: { fields: unknown } } }).error.details.fields,
    ).toEqual({
      $where: 'is not a field this request accepts',
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it('answers 401 to nobody before validating, unless the route is open to anyone', async () => {
    const open = vi.fn();
    const origin = await serve((router) => {
      registerRoute(router, routes.getRoom, vi.fn());
      registerRoute(router, routes.getSession, ({ caller }, _req, res) => {
        open(caller);
        res.json({ session: null });
      });
    }, null);
    expect((await fetch(`${origin}/api/rooms/not-an-id`)).status).toBe(401);
    expect((await fetch(`${origin}/api/session`)).status).toBe(200);
    expect(open).toHaveBeenCalledWith(null);
  });

  it('runs the route’s own middlewares first', async () => {
    const origin = await serve(
      (router) =>
        registerRoute(router, routes.getSession, [(_req, res) => void res.status(429).end()], vi.fn()),
      null,
    );
    expect((await fetch(`${origin}/api/session`)).status).toBe(429);
  });

  it('turns table paths into the paths Express matches inside /api, and leaves the probes at the root', () => {
    expect(expressPath('/api/rooms/{id}/visitor-passes/{passId}')).toBe('/rooms/:id/visitor-passes/:passId');
    expect(expressPath('/healthz')).toBe('/healthz');
  });
});
