import { Router } from 'express';
import { routes, type Health, type Readiness } from '@common-ground/shared';
import type { Redis } from 'ioredis';
import { redisState } from '../../cluster/connectRedis.ts';
import { pingDatabase } from '../../database/connectDatabase.ts';
import { registerRoute } from '../registerRoute.ts';

/** `GET /healthz` (the process is up) and `GET /readyz` (the database answers, else 503; Redis down is degraded). */
export function healthRouter(redis: Redis | null): Router {
  const router = Router();
  registerRoute(router, routes.health, (_input, _req, res) => {
    const body: Health = { status: 'ok', uptimeSeconds: Math.round(process.uptime()) };
    res.json(body);
  });
  registerRoute(router, routes.readiness, async (_input, _req, res) => {
    const database = await pingDatabase();
    const bus = redisState(redis);
    const status = !database.reachable ? 'unavailable' : bus === 'down' ? 'degraded' : 'ready';
    const body: Readiness = { status, database, redis: bus };
    res.status(database.reachable ? 200 : 503).json(body);
  });
  return router;
}
