import type { Env } from '../env.ts';
import { AppError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { Mailer } from './Mailer.ts';
import { NotifyMailer } from './NotifyMailer.ts';
import { OutboxMailer } from './OutboxMailer.ts';
import { SmtpMailer } from './SmtpMailer.ts';

/** No transport: nothing is sent, and whatever needs email says so rather than pretending. */
class NoMailer implements Mailer {
  readonly transport = 'none';
  readonly canSend = false;
  async send(): Promise<void> {
    throw mailNotConfigured();
  }
  async close(): Promise<void> {}
}

/** The 503 a route answers when it cannot work without email. */
export const mailNotConfigured = () =>
  new AppError(
    'mail_not_configured',
    'This service cannot send email yet, so this cannot be done. Ask whoever runs it to set up email.',
  );

/**
 * Picks the transport from the environment: Notify when NOTIFY_API_KEY is set, SMTP when SMTP_URL is, otherwise the
 * outbox in development and none elsewhere (production warns at start).
 */
export function createMailer(
  env: Pick<
    Env,
    'NODE_ENV' | 'SMTP_URL' | 'MAIL_FROM' | 'NOTIFY_API_KEY' | 'NOTIFY_TEMPLATE_ID' | 'NOTIFY_BASE_URL'
  >,
  logger: Logger,
): Mailer {
  if (env.NOTIFY_API_KEY && env.NOTIFY_TEMPLATE_ID)
    return new NotifyMailer({
      apiKey: env.NOTIFY_API_KEY,
      templateId: env.NOTIFY_TEMPLATE_ID,
      baseUrl: env.NOTIFY_BASE_URL,
    });
  if (env.SMTP_URL && env.MAIL_FROM) return new SmtpMailer({ url: env.SMTP_URL, from: env.MAIL_FROM });
  if (env.NODE_ENV === 'development') return new OutboxMailer(logger);
  if (env.NODE_ENV === 'production')
    logger.warn(
      'no mail transport: set SMTP_URL and MAIL_FROM, or NOTIFY_API_KEY and NOTIFY_TEMPLATE_ID. Invitations are ' +
        'not emailed, and password reset and email change answer 503 until then',
    );
  return new NoMailer();
}
