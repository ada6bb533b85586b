import { Router } from 'express';
import type { AppContext } from '../app.ts';

/** Mounts one router per resource under `/api`. */
export function apiRouter(_context: AppContext): Router {
  const router = Router();
  return router;
}
