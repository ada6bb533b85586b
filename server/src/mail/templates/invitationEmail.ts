import type { CommunityRole } from '@common-ground/shared';
import type { MailMessage } from '../Mailer.ts';
import { renderEmail } from './renderEmail.ts';

const ROLE_NAMES: Record<CommunityRole, string> = {
  facilitator: 'a facilitator',
  member: 'a member',
  observer: 'an observer',
};

/** An invitation into a community, with the link that accepts it. */
export function invitationEmail(options: {
  to: string;
  communityName: string;
  role: CommunityRole;
  invitedBy: string;
  url: string;
  expiresAt: Date;
}): MailMessage {
  const until = options.expiresAt.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/London',
  });
  return renderEmail({
    kind: 'invitation',
    to: options.to,
    subject: `You are invited to join ${options.communityName} on Common Ground`,
    intro: [
      `${options.invitedBy} has invited you to join ${options.communityName}, a community of practice on Common Ground, as ${ROLE_NAMES[options.role]}.`,
      'Common Ground is where organisations in children’s social care learn together.',
    ],
    action: { label: `Join ${options.communityName}`, url: options.url },
    outro: [
      `Sign in or create an account with this email address (${options.to}). The link works once, until ${until}.`,
      'If you were not expecting this, you can ignore this email.',
    ],
  });
}
