import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { expect } from 'vitest';

/** One email that arrived over SMTP, as a mail client would read it. */
export interface ReceivedMail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  parsed: ParsedMail;
}

/** A real SMTP server on a free local port that keeps every message it is sent. */
export interface SmtpInbox {
  /** `smtp://user:pass@127.0.0.1:port`, for SMTP_URL. */
  url: string;
  received: ReceivedMail[];
  /** Waits for the oldest message to an address that no earlier call has returned, and returns it. */
  nextTo(address: string, timeoutMs?: number): Promise<ReceivedMail>;
  /** Every message so far to an address. */
  to(address: string): ReceivedMail[];
  stop(): Promise<void>;
}

/** Starts an in-process SMTP server (the `smtp-server` package) that requires the given login. */
export async function startSmtpInbox(): Promise<SmtpInbox> {
  const received: ReceivedMail[] = [];
  const taken = new Set<ReceivedMail>();
  const server = new SMTPServer({
    authOptional: false,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === 'mailer' && auth.password === 'secret') callback(null, { user: 'mailer' });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          received.push({
            to: [parsed.to ?? []].flat().flatMap((to) => to.value.map((address) => address.address ?? '')),
            from: parsed.from?.text ?? '',
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            parsed,
          });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  const to = (address: string) => received.filter((mail) => mail.to.includes(address.toLowerCase()));
  return {
    url: `smtp://mailer:secret@127.0.0.1:${port}`,
    received,
    to,
    async nextTo(address, timeoutMs = 10_000) {
      let found: ReceivedMail | undefined;
      await expect
        .poll(() => (found = to(address).find((mail) => !taken.has(mail))), {
          timeout: timeoutMs,
          message: `no email to ${address} arrived`,
        })
        .toBeDefined();
      taken.add(found!);
      return found!;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first link in an email's text that starts with the given origin and path. */
export function linkIn(mail: ReceivedMail, origin: string, pathPrefix: string): string {
  const match = mail.text.match(
    new RegExp(`${origin.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${pathPrefix}\\S+`),
  );
  if (!match) throw new Error(`no ${pathPrefix} link in:\n${mail.text}`);
  return match[0];
}

/** The kind of email the server says it sent (its `X-Common-Ground-Kind` header): 'mention', 'digest', ... */
export function kindOf(mail: ReceivedMail): string {
  return String(mail.parsed.headers.get('x-common-ground-kind') ?? '');
}

/** Every message so far to an address of one kind. */
export function mailsOfKind(inbox: SmtpInbox, address: string, kind: string): ReceivedMail[] {
  return inbox.to(address).filter((mail) => kindOf(mail) === kind);
}

/** A header's raw value as sent (mailparser turns some, such as List-*, into objects). */
export function rawHeader(mail: ReceivedMail, name: string): string | undefined {
  const line = mail.parsed.headerLines.find((header) => header.key === name.toLowerCase())?.line;
  return line?.slice(line.indexOf(':') + 1).trim();
}
