import type { MailKind, MailMessage } from '../Mailer.ts';
import type { UnsubscribeLink } from '../unsubscribeLinkFor.ts';

/** The words of one email, written once and rendered as both plain text and HTML. */
export interface EmailContent {
  kind: MailKind;
  to: string;
  subject: string;
  /** Paragraphs before the button. */
  intro: string[];
  /** The one thing to do, as a link shown in full in the text version. */
  action?: { label: string; url: string };
  /** Paragraphs after the button, such as how long the link works. */
  outro?: string[];
  /** Optional emails: the link that turns this kind off, and what it turns off ("mention emails"). */
  unsubscribe?: UnsubscribeLink & { what: string };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

const FOOTER = 'Common Ground: a community of practice for children’s social care.';

/**
 * Renders an email in the GOV.UK Notify manner: one column, plain words, a link whose text says where it goes, the
 * address in full for those who copy it, and a language and title for screen readers. Templates hold no details of
 * children or families: only the recipient's own account and community names.
 */
export function renderEmail(content: EmailContent): MailMessage {
  const { action, intro, outro = [], unsubscribe } = content;
  const stop = unsubscribe ? `Stop ${unsubscribe.what}` : '';
  const text = [
    ...intro,
    ...(action ? [`${action.label}:\n${action.url}`] : []),
    ...outro,
    `--\n${FOOTER}`,
    ...(unsubscribe ? [`${stop} (no need to sign in):\n${unsubscribe.url}`] : []),
  ].join('\n\n');
  const paragraph = (words: string) =>
    `<p style="font-size:19px;line-height:1.4;margin:0 0 20px">${escapeHtml(words)}</p>`;
  const html = `<!DOCTYPE html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(content.subject)}</title></head>
<body style="margin:0;padding:20px;font-family:Arial,sans-serif;color:#0b0c0c;background:#ffffff">
<main style="max-width:580px">
<h1 style="font-size:27px;line-height:1.2;margin:0 0 20px">${escapeHtml(content.subject)}</h1>
${intro.map(paragraph).join('\n')}
${
  action
    ? `<p style="font-size:19px;line-height:1.4;margin:0 0 20px"><a href="${escapeHtml(action.url)}" style="color:#1d70b8">${escapeHtml(action.label)}</a></p>
<p style="font-size:16px;line-height:1.4;margin:0 0 20px">Or copy this address into your browser: ${escapeHtml(action.url)}</p>`
    : ''
}
${outro.map(paragraph).join('\n')}
<p style="font-size:16px;color:#505a5f;margin:30px 0 0">${escapeHtml(FOOTER)}</p>
${
  unsubscribe
    ? `<p style="font-size:16px;color:#505a5f;margin:10px 0 0"><a href="${escapeHtml(unsubscribe.url)}" style="color:#1d70b8">${escapeHtml(stop)}</a> (no need to sign in)</p>`
    : ''
}
</main>
</body>
</html>
`;
  const message: MailMessage = { kind: content.kind, to: content.to, subject: content.subject, text, html };
  if (unsubscribe) message.unsubscribe = { url: unsubscribe.url, oneClickUrl: unsubscribe.oneClickUrl };
  return message;
}
