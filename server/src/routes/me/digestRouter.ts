import { Router } from 'express';
import { routes, type Digest } from '@common-ground/shared';
import { buildDigest } from '../../digest/buildDigest.ts';
import { requireUser } from '../../middlewares/authenticate.ts';
import { registerRoute } from '../registerRoute.ts';

/** `GET /api/me/digest`: a preview of the digest the signed-in person would be sent now. */
export function digestRouter(): Router {
  const router = Router();
  registerRoute(router, routes.getDigest, async (_input, req, res) => {
    const caller = requireUser(req);
    const digest: Digest = await buildDigest(caller.user.id);
    res.json({ digest });
  });
  return router;
}
