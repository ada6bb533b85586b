import type { NotifyClient } from 'notifications-node-client';
import type { Mailer, MailMessage } from './Mailer.ts';

/**
 * Sends through GOV.UK Notify with one email template whose subject is `((subject))` and body is `((body))`: Notify
 * keeps the template, formats the plain text as its own accessible HTML, and sends from the service's address. Its
 * client is loaded at the first message, so a process that never mails never holds it in memory.
 */
export class NotifyMailer implements Mailer {
  readonly transport = 'notify';
  readonly canSend = true;
  private client: Promise<NotifyClient> | null = null;
  private readonly templateId: string;

  constructor(
    private readonly options: { apiKey: string; templateId: string; baseUrl?: string | undefined },
  ) {
    this.templateId = options.templateId;
  }

  private connect(): Promise<NotifyClient> {
    const { apiKey, baseUrl } = this.options;
    this.client ??= import('notifications-node-client').then(({ NotifyClient }) =>
      baseUrl ? new NotifyClient(baseUrl, apiKey) : new NotifyClient(apiKey),
    );
    return this.client;
  }

  async send(message: MailMessage): Promise<void> {
    const client = await this.connect();
    await client.sendEmail(this.templateId, message.to, {
      personalisation: { subject: message.subject, body: message.text },
      reference: message.kind,
      ...(message.unsubscribe ? { oneClickUnsubscribeURL: message.unsubscribe.oneClickUrl } : {}),
    });
  }

  async close(): Promise<void> {}
}
