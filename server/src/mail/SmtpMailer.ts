import type { Transporter } from 'nodemailer';
import type { Mailer, MailMessage } from './Mailer.ts';

const TIMEOUT_MS = 15_000;

/**
 * Sends through an SMTP server (`SMTP_URL`, smtp:// with STARTTLS when offered, or smtps://) from `MAIL_FROM`.
 * nodemailer is loaded at the first message, so a process that never mails never holds it in memory.
 */
export class SmtpMailer implements Mailer {
  readonly transport = 'smtp';
  readonly canSend = true;
  private transporter: Promise<Transporter> | null = null;
  private readonly url: URL;
  private readonly from: string;

  constructor(options: { url: string; from: string }) {
    this.from = options.from;
    this.url = new URL(options.url);
  }

  private connect(): Promise<Transporter> {
    const { url } = this;
    this.transporter ??= import('nodemailer').then(({ default: nodemailer }) =>
      nodemailer.createTransport({
        host: url.hostname,
        port: Number(url.port) || (url.protocol === 'smtps:' ? 465 : 587),
        secure: url.protocol === 'smtps:',
        auth: url.username
          ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
          : undefined,
        connectionTimeout: TIMEOUT_MS,
        greetingTimeout: TIMEOUT_MS,
        socketTimeout: TIMEOUT_MS,
      }),
    );
    return this.transporter;
  }

  async send(message: MailMessage): Promise<void> {
    const transporter = await this.connect();
    await transporter.sendMail({
      from: this.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      headers: { 'X-Common-Ground-Kind': message.kind },
      ...(message.attachments && { attachments: message.attachments }),
    });
  }

  async close(): Promise<void> {
    (await this.transporter)?.close();
  }
}
