/** The kinds of email the service sends; each has one template in `mail/templates`. */
export type MailKind =
  | 'invitation'
  | 'password-reset'
  | 'password-changed'
  | 'email-change-confirm'
  | 'email-changed'
  | 'open-day-confirmation'
  | 'open-day-waiting'
  | 'open-day-changed'
  | 'open-day-cancelled'
  | 'open-day-registration-cancelled'
  | 'open-day-conversation';

/** A file sent with an email, such as an open day's `.ics` invitation. */
export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

/** One rendered email: plain text and accessible HTML of the same words. */
export interface MailMessage {
  kind: MailKind;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Files to attach; transports that cannot attach (Notify) send the text alone, which always stands on its own. */
  attachments?: MailAttachment[];
}

/** How mail leaves this process: SMTP, GOV.UK Notify, the development outbox, or not at all. */
export type MailTransport = 'smtp' | 'notify' | 'outbox' | 'none';

/** Sends email through whichever transport the environment configured. */
export interface Mailer {
  readonly transport: MailTransport;
  /** False when no transport is configured: whatever needs email answers 503 `mail_not_configured`. */
  readonly canSend: boolean;
  /** Delivers one message; rejects when the transport refuses it (or there is none). */
  send(message: MailMessage): Promise<void>;
  /** Releases the transport's connections. */
  close(): Promise<void>;
}
