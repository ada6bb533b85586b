import { Router } from 'express';
import type { AppContext } from '../AppContext.ts';
import { authenticate } from '../middlewares/authenticate.ts';
import { authRouter, meRouter } from './auth/authRouter.ts';
import { sessionRouter } from './auth/sessionRouter.ts';
import { communitiesRouter } from './communities/communitiesRouter.ts';
import { documentsRouter } from './documents/documentsRouter.ts';
import { invitationsRouter } from './invitations/invitationsRouter.ts';
import { messagesRouter } from './messages/messagesRouter.ts';
import { digestRouter } from './notifications/digestRouter.ts';
import { notificationsRouter } from './notifications/notificationsRouter.ts';
import { buildOpenApiDocument } from './openapi/buildOpenApiDocument.ts';
import { organisationsRouter } from './organisations/organisationsRouter.ts';
import { roomsRouter } from './rooms/roomsRouter.ts';
import { visitsRouter } from './visits/visitsRouter.ts';

/** Mounts one router per resource under `/api`, after resolving the caller from the session cookie. */
export function apiRouter(context: AppContext): Router {
  const router = Router();
  const openApiDocument = buildOpenApiDocument();
  router.get('/openapi.json', (_req, res) => {
    res.json(openApiDocument);
  });
  router.use(authenticate(context.env));
  router.use('/auth', authRouter(context));
  router.use('/session', sessionRouter());
  router.use('/me/digest', digestRouter());
  router.use('/me', meRouter());
  router.use('/organisations', organisationsRouter());
  router.use('/communities', communitiesRouter(context));
  router.use('/invitations', invitationsRouter());
  router.use('/rooms', roomsRouter(context));
  router.use('/rooms', messagesRouter());
  router.use('/notifications', notificationsRouter());
  router.use('/documents', documentsRouter(context));
  router.use('/visits', visitsRouter(context));
  return router;
}
