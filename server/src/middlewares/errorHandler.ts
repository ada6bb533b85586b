import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, toAppError } from '../errors.ts';
import type { Logger } from '../logger.ts';

/** Answers unmatched API routes with the standard 404 body. */
export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new AppError('not_found', `No route for ${req.method} ${req.path}`));
};

/** The one error handler: every failure leaves as `{ error: { code, message, details? } }`. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const appError = fromExpressError(error) ?? toAppError(error);
    if (appError.status >= 500)
      logger.error({ err: error, method: req.method, path: req.path }, 'request failed');
    if (
      (appError.code === 'rate_limited' || appError.code === 'unavailable') &&
      typeof appError.details === 'object' &&
      appError.details
    ) {
      const retryAfter = (appError.details as { retryAfterSeconds?: number }).retryAfterSeconds;
      if (retryAfter) res.setHeader('Retry-After', String(retryAfter));
    }
    res.status(appError.status).json(appError.toBody());
  };
}

/** Maps errors raised by Express's own body parser to our codes. */
function fromExpressError(error: unknown): AppError | null {
  if (!error || typeof error !== 'object') return null;
  // A body that fails to decompress (`Content-Encoding: gzip` over plain bytes) carries zlib's code and a 400.
  if ('code' in error && typeof error.code === 'string' && error.code.startsWith('Z_'))
    return new AppError('bad_request', 'The request body could not be decompressed.');
  if (!('type' in error)) return null;
  switch ((error as { type: string }).type) {
    case 'entity.too.large':
      return new AppError('payload_too_large', 'The request body is too large.');
    case 'entity.parse.failed':
      return new AppError('bad_request', 'The request body is not valid JSON.');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new AppError('bad_request', 'The request body encoding is not supported.');
    default:
      return null;
  }
}
