import type { Logger } from '../logger.ts';
import type { Mailer, MailMessage } from './Mailer.ts';

const KEEP = 50;

/** A message the development outbox kept, newest first. */
export interface OutboxEntry extends MailMessage {
  sentAt: Date;
}

/**
 * Development without a mail server: logs each message and keeps the last few in memory for the outbox page, so
 * reset and confirmation links can be followed on one's own machine. Never used in production or tests.
 */
export class OutboxMailer implements Mailer {
  readonly transport = 'outbox';
  readonly canSend = true;
  private readonly entries: OutboxEntry[] = [];

  constructor(private readonly logger: Logger) {}

  async send(message: MailMessage): Promise<void> {
    this.entries.unshift({ ...message, sentAt: new Date() });
    this.entries.length = Math.min(this.entries.length, KEEP);
    this.logger.info(
      { mail: { kind: message.kind, to: message.to, subject: message.subject } },
      `email kept in the development outbox (/dev/outbox):\n${message.text}`,
    );
  }

  /** The kept messages, newest first. */
  messages(): readonly OutboxEntry[] {
    return this.entries;
  }

  async close(): Promise<void> {}
}
