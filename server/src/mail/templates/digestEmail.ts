import { OPTIONAL_EMAIL_NAMES, type Digest } from '@common-ground/shared';
import type { MailMessage } from '../Mailer.ts';
import type { UnsubscribeLink } from '../unsubscribeLinkFor.ts';
import { renderEmail } from './renderEmail.ts';

const counted = (count: number, one: string, many: string) =>
  count === 0 ? null : `${count} ${count === 1 ? one : many}`;

/** One room's line: its name, its community, and what is new, as counts (never what was said). */
function roomLine(room: Digest['rooms'][number]): string {
  const news = [
    counted(room.newMessages, 'new message', 'new messages'),
    counted(room.newQuestions, 'new question', 'new questions'),
    counted(room.answeredQuestions, 'question answered', 'questions answered'),
    counted(room.unreadMentions, 'mention of you', 'mentions of you'),
  ].filter(Boolean);
  const where = room.communityName ? `${room.roomTitle} (${room.communityName})` : room.roomTitle;
  return `${where}: ${news.join(', ')}.`;
}

/**
 * A person's digest: for each of their rooms with something new since they last read it, counts of new messages,
 * questions and mentions. Counts and room names only, so a learning set's words never leave by email.
 */
export function digestEmail(options: {
  to: string;
  frequency: 'daily' | 'weekly';
  digest: Digest;
  origin: string;
  unsubscribe: UnsubscribeLink;
}): MailMessage {
  const { digest, frequency, origin } = options;
  return renderEmail({
    kind: 'digest',
    to: options.to,
    subject: `Your ${frequency} Common Ground digest`,
    intro: [
      `What is new in your rooms since you last read them (${digest.rooms.length} ${digest.rooms.length === 1 ? 'room' : 'rooms'}):`,
      ...digest.rooms.map(roomLine),
    ],
    action: { label: 'Open Common Ground', url: `${origin}/communities` },
    outro: [`To have it daily, weekly or not at all, change your settings: ${origin}/account`],
    unsubscribe: { ...options.unsubscribe, what: OPTIONAL_EMAIL_NAMES.digest },
  });
}
