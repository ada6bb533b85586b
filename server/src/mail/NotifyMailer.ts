import { NotifyClient } from 'notifications-node-client';
import type { Mailer, MailMessage } from './Mailer.ts';

/**
 * Sends through GOV.UK Notify with one email template whose subject is `((subject))` and body is `((body))`: Notify
 * keeps the template, formats the plain text as its own accessible HTML, and sends from the service's address.
 */
export class NotifyMailer implements Mailer {
  readonly transport = 'notify';
  readonly canSend = true;
  private readonly client: NotifyClient;
  private readonly templateId: string;

  constructor(options: { apiKey: string; templateId: string; baseUrl?: string | undefined }) {
    this.client = options.baseUrl
      ? new NotifyClient(options.baseUrl, options.apiKey)
      : new NotifyClient(options.apiKey);
    this.templateId = options.templateId;
  }

  async send(message: MailMessage): Promise<void> {
    await this.client.sendEmail(this.templateId, message.to, {
      personalisation: { subject: message.subject, body: message.text },
      reference: message.kind,
    });
  }

  async close(): Promise<void> {}
}
