import nodemailer, { type Transporter } from 'nodemailer';
import type { Mailer, MailMessage } from './Mailer.ts';

const TIMEOUT_MS = 15_000;

/** Sends through an SMTP server (`SMTP_URL`, smtp:// with STARTTLS when offered, or smtps://) from `MAIL_FROM`. */
export class SmtpMailer implements Mailer {
  readonly transport = 'smtp';
  readonly canSend = true;
  private readonly transporter: Transporter;
  private readonly from: string;

  constructor(options: { url: string; from: string }) {
    const url = new URL(options.url);
    this.from = options.from;
    this.transporter = nodemailer.createTransport({
      host: url.hostname,
      port: Number(url.port) || (url.protocol === 'smtps:' ? 465 : 587),
      secure: url.protocol === 'smtps:',
      auth: url.username
        ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
        : undefined,
      connectionTimeout: TIMEOUT_MS,
      greetingTimeout: TIMEOUT_MS,
      socketTimeout: TIMEOUT_MS,
    });
  }

  async send(message: MailMessage): Promise<void> {
    await this.transporter.sendMail({
      from: this.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      headers: { 'X-Common-Ground-Kind': message.kind },
    });
  }

  async close(): Promise<void> {
    this.transporter.close();
  }
}
