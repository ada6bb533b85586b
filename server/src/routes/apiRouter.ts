import { Router } from 'express';
import { routes } from '@common-ground/shared';
import type { AppContext } from '../AppContext.ts';
import { authenticate } from '../middlewares/authenticate.ts';
import { authRouter } from './auth/authRouter.ts';
import { emailChangeRouter } from './auth/emailChangeRouter.ts';
import { passwordResetRouter } from './auth/passwordResetRouter.ts';
import { invitationResendRouter } from './communities/invitationResendRouter.ts';
import { outboxRouter } from './dev/outboxRouter.ts';
import { credentialsRouter } from './me/credentialsRouter.ts';
import { meRouter } from './me/meRouter.ts';
import { sessionRouter } from './session/sessionRouter.ts';
import { communitiesRouter } from './communities/communitiesRouter.ts';
import { documentsRouter } from './documents/documentsRouter.ts';
import { innovationsRouter } from './innovations/innovationsRouter.ts';
import { invitationsRouter } from './invitations/invitationsRouter.ts';
import { roomMessagesRouter } from './rooms/roomMessagesRouter.ts';
import { digestRouter } from './me/digestRouter.ts';
import { notificationsRouter } from './notifications/notificationsRouter.ts';
import { buildOpenApiDocument } from './openapi/buildOpenApiDocument.ts';
import { organisationsRouter } from './organisations/organisationsRouter.ts';
import { learningSetRouter } from './rooms/learningSetRouter.ts';
import { roomsRouter } from './rooms/roomsRouter.ts';
import { visitsRouter } from './visits/visitsRouter.ts';
import { adaptationsRouter } from './partnerships/adaptationsRouter.ts';
import { engagementRouter } from './partnerships/engagementRouter.ts';
import { partnershipsRouter } from './partnerships/partnershipsRouter.ts';
import { reflectionsRouter } from './partnerships/reflectionsRouter.ts';
import { registerRoute } from './registerRoute.ts';

/**
 * The routers of every resource, mounted under `/api` after resolving the caller from the session cookie. Each
 * registers its routes from the shared table with their full paths, so none is mounted at a sub-path of its own.
 */
export function apiRouter(context: AppContext): Router {
  const router = Router();
  const openApiDocument = buildOpenApiDocument();
  registerRoute(router, routes.openApiDocument, (_input, _req, res) => {
    res.json(openApiDocument);
  });
  router.use(authenticate(context.env));
  router.use(authRouter(context));
  router.use(passwordResetRouter(context));
  router.use(emailChangeRouter(context));
  router.use(credentialsRouter(context));
  router.use(sessionRouter());
  router.use(digestRouter());
  router.use(meRouter());
  router.use(organisationsRouter());
  router.use(communitiesRouter(context));
  router.use(invitationsRouter());
  router.use(invitationResendRouter(context));
  router.use(roomsRouter(context));
  router.use(learningSetRouter(context));
  router.use(roomMessagesRouter());
  router.use(notificationsRouter());
  router.use(documentsRouter(context));
  router.use(visitsRouter(context));
  router.use(outboxRouter(context));
  router.use(innovationsRouter());
  router.use(partnershipsRouter(context));
  router.use(adaptationsRouter(context));
  router.use(reflectionsRouter(context));
  router.use(engagementRouter(context));
  return router;
}
