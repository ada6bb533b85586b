import type { Logger } from '../logger.ts';
import type { MailKind } from './Mailer.ts';

/**
 * Runs an email-sending task without making the request wait: for answers that must not depend on it (a reset for
 * an unknown address answers as fast as one for a known address) and for courtesy notices. A failure is logged.
 */
export function sendInBackground(logger: Logger, kind: MailKind, task: () => Promise<unknown>): void {
  task().catch((error: unknown) => logger.error({ err: error, mail: { kind } }, 'email not sent'));
}
