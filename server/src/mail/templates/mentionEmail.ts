import { OPTIONAL_EMAIL_NAMES } from '@common-ground/shared';
import type { MailMessage } from '../Mailer.ts';
import type { UnsubscribeLink } from '../unsubscribeLinkFor.ts';
import { renderEmail } from './renderEmail.ts';

const EXCERPT_LENGTH = 100;

/** A message's first words on one line, without Markdown marks, cut at a word: enough to recognise it. */
export function shortExcerpt(body: string): string {
  const plain = body
    .replace(/[*_`#>~[\]]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (plain.length <= EXCERPT_LENGTH) return plain;
  const cut = plain.slice(0, EXCERPT_LENGTH - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), EXCERPT_LENGTH / 2))}…`;
}

/**
 * Tells someone they were mentioned, with a link to the room. From a learning set (closed to its own people, who
 * agreed ground rules about confidentiality) only the room's name and the link leave by email: nothing of what was
 * said, nor who said it. From other rooms, who mentioned them and a short excerpt.
 */
export function mentionEmail(options: {
  to: string;
  roomTitle: string;
  confidential: boolean;
  actorName: string;
  excerpt: string;
  url: string;
  unsubscribe: UnsubscribeLink;
}): MailMessage {
  const { confidential, roomTitle } = options;
  return renderEmail({
    kind: 'mention',
    to: options.to,
    subject: confidential
      ? `You were mentioned in ${roomTitle}`
      : `${options.actorName} mentioned you in ${roomTitle}`,
    intro: confidential
      ? [
          `Someone mentioned you in the learning set ${roomTitle}.`,
          'What is said in a learning set stays in it, so this email does not repeat it. Sign in to read it.',
        ]
      : [`${options.actorName} mentioned you in ${roomTitle}:`, `“${shortExcerpt(options.excerpt)}”`],
    action: { label: `Open ${roomTitle}`, url: options.url },
    unsubscribe: { ...options.unsubscribe, what: OPTIONAL_EMAIL_NAMES.mention },
  });
}
