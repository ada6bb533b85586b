import { Router, type Request } from 'express';
import { routes } from '@common-ground/shared';
import type { AppContext } from '../../AppContext.ts';
import { AppError } from '../../errors.ts';
import { OutboxMailer } from '../../mail/OutboxMailer.ts';
import { registerRoute } from '../registerRoute.ts';

// The socket's own address, not req.ip: a forwarded-for header must not make a remote caller look local.
const fromThisMachine = (req: Request) =>
  ['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(req.socket.remoteAddress ?? '');

/**
 * The development outbox: the emails kept instead of sent, so their links can be followed. It exists only in
 * development without a mail transport, and answers only this machine, since the links let anyone in.
 */
export function outboxRouter({ services }: AppContext): Router {
  const router = Router();

  registerRoute(router, routes.listOutbox, (_input, req, res) => {
    const { mailer } = services;
    if (!(mailer instanceof OutboxMailer) || !fromThisMachine(req))
      throw new AppError('not_found', 'There is no outbox here.');
    res.json({
      messages: mailer.messages().map(({ kind, to, subject, text, sentAt }) => ({
        kind,
        to,
        subject,
        text,
        sentAt: sentAt.toISOString(),
      })),
    });
  });

  return router;
}
