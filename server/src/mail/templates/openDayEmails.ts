import type { MailAttachment, MailMessage } from '../Mailer.ts';
import { renderEmail } from './renderEmail.ts';

/** The open day as every open-day email describes it. */
export interface OpenDayMailDetails {
  title: string;
  hostName: string;
  startsAt: Date;
  endsAt: Date;
  venue: string | null;
}

const when = (details: OpenDayMailDetails) => {
  const day = details.startsAt.toLocaleDateString('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/London',
  });
  const time = (date: Date) =>
    date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });
  return `${day}, ${time(details.startsAt)} to ${time(details.endsAt)} (UK time)`;
};

const where = (details: OpenDayMailDetails) => (details.venue ? [`Where: ${details.venue}`] : []);

/** A confirmed place: the pass link (the only place it is ever given), the cancel link, and the `.ics` invitation. */
export function openDayConfirmationEmail(options: {
  to: string;
  details: OpenDayMailDetails;
  passUrl: string;
  cancelUrl: string;
  ics: string;
  /** True when this confirms a place that freed up for someone on the waiting list. */
  fromWaitingList?: boolean;
}): MailMessage {
  const { details } = options;
  const attachment: MailAttachment = {
    filename: 'open-day.ics',
    contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
    content: options.ics,
  };
  return {
    ...renderEmail({
      kind: 'open-day-confirmation',
      to: options.to,
      subject: options.fromWaitingList
        ? `A place has come up: ${details.title}`
        : `Your place at ${details.title}`,
      intro: [
        options.fromWaitingList
          ? `A place has come up at ${details.title}, hosted by ${details.hostName}, and it is yours.`
          : `You have a place at ${details.title}, hosted by ${details.hostName}.`,
        `When: ${when(details)}`,
        ...where(details),
        'Your pass opens the pre-read before the day, the open-day room on the day, and the take-back pack afterwards. Keep this email: the pass is only ever sent here.',
        'The calendar invitation attached can be forwarded to your manager to ask for the time.',
      ],
      action: { label: 'Open your pass', url: options.passUrl },
      outro: [`If you cannot come, give up your place so someone else can have it: ${options.cancelUrl}`],
    }),
    attachments: [attachment],
  };
}

/** The open day is full: the registration is on the waiting list. */
export function openDayWaitingEmail(options: {
  to: string;
  details: OpenDayMailDetails;
  cancelUrl: string;
}): MailMessage {
  const { details } = options;
  return renderEmail({
    kind: 'open-day-waiting',
    to: options.to,
    subject: `You are on the waiting list for ${details.title}`,
    intro: [
      `${details.title} is full, so you are on its waiting list.`,
      `When: ${when(details)}`,
      'We will email you with your pass if a place comes up.',
    ],
    outro: [`To leave the waiting list: ${options.cancelUrl}`],
  });
}

/** The host changed the open day's details. */
export function openDayChangedEmail(options: {
  to: string;
  details: OpenDayMailDetails;
  passUrl: string | null;
  ics: string | null;
}): MailMessage {
  const { details } = options;
  const message = renderEmail({
    kind: 'open-day-changed',
    to: options.to,
    subject: `${details.title} has changed`,
    intro: [
      `The hosts of ${details.title} have changed its details.`,
      `When: ${when(details)}`,
      ...where(details),
    ],
    ...(options.passUrl && { action: { label: 'See the details on your pass', url: options.passUrl } }),
    outro: options.ics ? ['An updated calendar invitation is attached.'] : [],
  });
  return options.ics
    ? {
        ...message,
        attachments: [
          { filename: 'open-day.ics', contentType: 'text/calendar; charset=utf-8', content: options.ics },
        ],
      }
    : message;
}

/** The host cancelled the open day. */
export function openDayCancelledEmail(options: {
  to: string;
  details: OpenDayMailDetails;
  reason: string | null;
}): MailMessage {
  const { details } = options;
  return renderEmail({
    kind: 'open-day-cancelled',
    to: options.to,
    subject: `${details.title} is cancelled`,
    intro: [
      `${details.hostName} has cancelled ${details.title}, which was on ${when(details)}.`,
      ...(options.reason ? [`They said: ${options.reason}`] : []),
      'Your pass no longer works. We are sorry for the change.',
    ],
  });
}

/** The visitor gave up their place (or left the waiting list). */
export function openDayRegistrationCancelledEmail(options: {
  to: string;
  details: OpenDayMailDetails;
}): MailMessage {
  return renderEmail({
    kind: 'open-day-registration-cancelled',
    to: options.to,
    subject: `You have given up your place at ${options.details.title}`,
    intro: [
      `Your registration for ${options.details.title} is cancelled, and your pass no longer works.`,
      'If this was not you, register again from the open day’s page.',
    ],
  });
}

/** The host offers a conversation about adopting the innovation, to a visitor who said they would like one. */
export function openDayConversationEmail(options: {
  to: string;
  details: OpenDayMailDetails;
  message: string;
  contact: { name: string; email: string };
}): MailMessage {
  return renderEmail({
    kind: 'open-day-conversation',
    to: options.to,
    subject: `${options.details.hostName} would like to talk about ${options.details.title}`,
    intro: [
      `After ${options.details.title}, you said you would like to talk about adopting what you saw.`,
      options.message,
      `Reply to ${options.contact.name} at ${options.contact.email}.`,
      'If your organisation goes ahead, it creates the partnership and names its sponsor.',
    ],
  });
}
