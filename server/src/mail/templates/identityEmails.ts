import { OPTIONAL_EMAIL_NAMES } from '@common-ground/shared';
import type { UnsubscribeLink } from '../unsubscribeLinkFor.ts';
import type { MailMessage } from '../Mailer.ts';
import { renderEmail } from './renderEmail.ts';

const hours = (ms: number) => Math.round(ms / 3_600_000);

/** The link, sent at sign-up, that verifies the address. */
export function verifyEmailEmail(to: string, url: string, lifetimeMs: number): MailMessage {
  return renderEmail({
    kind: 'email-verify',
    to,
    subject: 'Verify your email address for Common Ground',
    intro: [
      'Thank you for joining Common Ground. Please verify that this email address is yours.',
      'You can use Common Ground straight away. Verifying lets you join your organisation when it lists its email domain.',
    ],
    action: { label: 'Verify this email address', url },
    outro: [
      `The link works once, for ${hours(lifetimeMs)} hours.`,
      'If you did not create an account, you can ignore this email.',
    ],
  });
}

/** Tells the owner of an address that someone tried to register it again. */
export function registrationAttemptEmail(to: string, signInUrl: string, resetUrl: string): MailMessage {
  return renderEmail({
    kind: 'registration-attempt',
    to,
    subject: 'Someone tried to create a Common Ground account with your email address',
    intro: [
      'Someone tried to create a new Common Ground account with this email address. You already have an account, so no new account was made and nothing about yours has changed.',
      `If it was you, sign in instead: ${signInUrl}`,
    ],
    action: { label: 'Forgotten your password? Reset it', url: resetUrl },
    outro: [
      'If it was not you, you do not need to do anything. Your password has not been shared with anyone.',
    ],
  });
}

/** Tells an organisation's admin that someone asked to join it. Names the person and organisation only. */
export function joinRequestEmail(
  to: string,
  details: {
    organisationName: string;
    displayName: string;
    webmail: boolean;
    byEmailDomain: boolean;
    url: string;
  },
  unsubscribe?: UnsubscribeLink,
): MailMessage {
  const how = details.byEmailDomain
    ? 'They signed up with a verified email address at one of your organisation’s email domains.'
    : 'They chose your organisation themselves.';
  return renderEmail({
    kind: 'join-request',
    to,
    subject: `Someone asked to join ${details.organisationName} on Common Ground`,
    intro: [
      `${details.displayName} asked to be shown as working for ${details.organisationName}. ${how}`,
      ...(details.webmail
        ? [
            'Their email address is at a free webmail provider, so it does not show where they work. Please check before you confirm.',
          ]
        : []),
      'Please confirm them if they work with you, or decline the request. Until then they are shown without your organisation.',
    ],
    action: { label: 'See who asked to join', url: details.url },
    outro: [
      'You receive this because you are an admin of this organisation on Common Ground. Thank you for keeping it accurate.',
    ],
    ...(unsubscribe ? { unsubscribe: { ...unsubscribe, what: OPTIONAL_EMAIL_NAMES['join-request'] } } : {}),
  });
}
