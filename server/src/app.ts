import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { LIMITS } from '@common-ground/shared';
import type { AppContext } from './AppContext.ts';
import { errorHandler, notFoundHandler } from './middlewares/errorHandler.ts';
import { originCheck } from './middlewares/originCheck.ts';
import { healthRouter } from './routes/health/healthRouter.ts';
import { apiRouter } from './routes/apiRouter.ts';

/** Builds the Express app without listening, so tests can build one. */
export function createApp(context: AppContext): Express {
  const { env, logger } = context;
  const app = express();
  app.disable('x-powered-by');
  app.locals.secureCookies =
    env.NODE_ENV === 'production' || env.PUBLIC_ORIGIN?.startsWith('https:') === true;
  app.set('trust proxy', env.TRUST_PROXY ? 1 : false);
  app.set('query parser', 'simple');
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          'default-src': ["'self'"],
          'script-src': ["'self'"],
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:', 'blob:'],
          'connect-src': ["'self'", 'ws:', 'wss:'],
          'font-src': ["'self'", 'data:'],
          'object-src': ["'none'"],
          'frame-ancestors': ["'none'"],
          'base-uri': ["'self'"],
          'form-action': ["'self'"],
          'upgrade-insecure-requests': env.NODE_ENV === 'production' ? [] : null,
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use(healthRouter(context.services.redis));
  app.use('/api', originCheck(context.originPolicy));
  app.use('/api', express.json({ limit: LIMITS.httpBodyBytes, strict: true }));
  app.use('/api', apiRouter(context));
  app.use('/api', notFoundHandler);

  const clientDist = path.resolve(env.CLIENT_DIST || path.join(import.meta.dirname, '../../client/dist'));
  if (existsSync(path.join(clientDist, 'index.html'))) {
    app.use(express.static(clientDist, { index: false, maxAge: '1h', setHeaders: noCacheForHtml }));
    app.get(/^(?!\/(api|collab|socket\.io)\/).*/, (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(path.join(clientDist, 'index.html'));
    });
  } else {
    logger.warn({ clientDist }, 'built client not found; run `pnpm build` to serve the app from this server');
  }
  app.use(notFoundHandler);
  app.use(errorHandler(logger));
  return app;
}

function noCacheForHtml(res: express.Response, filePath: string): void {
  if (filePath.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
  else if (filePath.includes(`${path.sep}assets${path.sep}`))
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
}
