import { healthSchema, readinessSchema } from '../schemas/health.ts';
import { DOCUMENT_HTTP_ROUTES } from './documentRoutes.ts';
import { ACCESS_HTTP_ROUTES } from './accessRoutes.ts';
import { DISCUSSION_HTTP_ROUTES } from './discussionRoutes.ts';
import type { HttpRoute } from './HttpRoute.ts';

/** Every HTTP route of the public API, the source of `GET /api/openapi.json`. */
export const HTTP_ROUTES: HttpRoute[] = [
  {
    method: 'get',
    path: '/healthz',
    summary: 'The process is up',
    auth: 'none',
    status: 200,
    response: healthSchema,
  },
  {
    method: 'get',
    path: '/readyz',
    summary: 'The database is reachable (503 otherwise)',
    auth: 'none',
    status: 200,
    response: readinessSchema,
  },
  ...ACCESS_HTTP_ROUTES,
  ...DISCUSSION_HTTP_ROUTES,
  ...DOCUMENT_HTTP_ROUTES,
];
