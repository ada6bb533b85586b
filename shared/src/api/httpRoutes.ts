import { healthSchema, readinessSchema } from '../schemas/health.ts';
import { accountEmailRoutes } from './accountEmailRoutes.ts';
import { accountRoutes } from './accountRoutes.ts';
import { communityRoutes } from './communityRoutes.ts';
import { discussionRoutes } from './discussionRoutes.ts';
import { documentRoutes } from './documentRoutes.ts';
import { identityRoutes } from './identityRoutes.ts';
import { innovationRoutes } from './innovationRoutes.ts';
import { defineRoute, type HttpRoute } from './HttpRoute.ts';
import { learningSetRoutes } from './learningSetRoutes.ts';
import { openDayHostRoutes } from './openDayHostRoutes.ts';
import { openDayVisitorRoutes } from './openDayVisitorRoutes.ts';
import { privacyRoutes } from './privacyRoutes.ts';
import { meetingRoutes } from './meetingRoutes.ts';
import { partnershipRoutes } from './partnershipRoutes.ts';
import { roomRoutes } from './roomRoutes.ts';
import { settingsRoutes } from './settingsRoutes.ts';

/** The probes a load balancer and the status page ask, outside `/api`. */
const probeRoutes = {
  health: defineRoute({
    method: 'get',
    path: '/healthz',
    summary: 'The process is up',
    auth: 'none',
    status: 200,
    response: healthSchema,
  }),
  readiness: defineRoute({
    method: 'get',
    path: '/readyz',
    summary: 'The database is reachable (503 otherwise)',
    auth: 'none',
    status: 200,
    response: readinessSchema,
  }),
  openApiDocument: defineRoute({
    method: 'get',
    path: '/api/openapi.json',
    summary: 'This description of the API (OpenAPI 3.1)',
    auth: 'none',
    status: 200,
  }),
};

/**
 * Every HTTP route, by a stable name: the server registers each one from its entry (`registerRoute`), the client
 * calls each one through it (`api(routes.getRoom, { params })`), and `GET /api/openapi.json` describes them.
 */
export const routes = {
  ...probeRoutes,
  ...accountRoutes,
  ...accountEmailRoutes,
  ...communityRoutes,
  ...roomRoutes,
  ...learningSetRoutes,
  ...discussionRoutes,
  ...documentRoutes,
  ...innovationRoutes,
  ...settingsRoutes,
  ...identityRoutes,
  ...openDayHostRoutes,
  ...openDayVisitorRoutes,
  ...privacyRoutes,
  ...meetingRoutes,
  ...partnershipRoutes,
};

/** Every route as a list, in table order. */
export const HTTP_ROUTES: HttpRoute[] = Object.values(routes);
