import type { Request } from 'express';
import type { AppContext } from '../../AppContext.ts';
import type { OpenDayMailContext } from '../../commands/openDays/openDayMail.ts';
import { AppError } from '../../errors.ts';
import { publicOrigin } from '../publicOrigin.ts';

/** The mail context of an open-day request; 503 `mail_not_configured` when no email can be sent at all. */
export function openDayMailContext({ env, logger, services }: AppContext, req: Request): OpenDayMailContext {
  if (!services.mailer.canSend)
    throw new AppError('mail_not_configured', 'Open days need email, and this server cannot send any yet.');
  return { mailer: services.mailer, origin: publicOrigin(env, req), logger };
}
