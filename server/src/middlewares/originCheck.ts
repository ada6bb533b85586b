import type { RequestHandler } from 'express';
import { AppError } from '../errors.ts';
import type { OriginPolicy } from '../originPolicy.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses state-changing requests from a foreign `Origin`. Browsers always send Origin on cross-site POSTs, so a
 * request without one comes from a non-browser client, which cannot ride on a victim's cookie.
 */
export function originCheck(policy: OriginPolicy): RequestHandler {
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    if (!policy.isAllowed(req, { allowMissing: true })) {
      return next(
        new AppError('origin_refused', 'This request came from a site that is not allowed to act here.'),
      );
    }
    next();
  };
}
