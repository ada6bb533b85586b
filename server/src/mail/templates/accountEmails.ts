import type { MailMessage } from '../Mailer.ts';
import { renderEmail } from './renderEmail.ts';

const IGNORE = 'If you did not ask for this, you can ignore this email: nothing changes.';
const minutes = (ms: number) => Math.round(ms / 60_000);
const hours = (ms: number) => Math.round(ms / 3_600_000);

/** The link that sets a new password. */
export function passwordResetEmail(to: string, url: string, lifetimeMs: number): MailMessage {
  return renderEmail({
    kind: 'password-reset',
    to,
    subject: 'Reset your Common Ground password',
    intro: ['Someone asked to reset the password of the Common Ground account for this email address.'],
    action: { label: 'Choose a new password', url },
    outro: [
      `The link works once, for ${minutes(lifetimeMs)} minutes. Resetting your password signs you out everywhere.`,
      IGNORE,
    ],
  });
}

/** Tells a person their password changed, in case it was not them. */
export function passwordChangedEmail(to: string, signInUrl: string): MailMessage {
  return renderEmail({
    kind: 'password-changed',
    to,
    subject: 'Your Common Ground password has changed',
    intro: ['The password of your Common Ground account has just been changed.'],
    action: { label: 'Sign in to Common Ground', url: signInUrl },
    outro: [
      'If this was not you, reset your password from the sign-in page straight away and tell your organisation.',
    ],
  });
}

/** The link, sent to the new address, that confirms an email change. */
export function confirmEmailChangeEmail(to: string, url: string, lifetimeMs: number): MailMessage {
  return renderEmail({
    kind: 'email-change-confirm',
    to,
    subject: 'Confirm your new email address for Common Ground',
    intro: ['Someone asked to use this email address for their Common Ground account.'],
    action: { label: 'Confirm this email address', url },
    outro: [
      `The link works once, for ${hours(lifetimeMs)} hours. Until it is used, the account keeps its old address.`,
      IGNORE,
    ],
  });
}

/** Tells the old address that the account now uses another one. */
export function emailChangedEmail(to: string, newEmail: string): MailMessage {
  return renderEmail({
    kind: 'email-changed',
    to,
    subject: 'Your Common Ground email address has changed',
    intro: [
      `Your Common Ground account now uses ${newEmail}. Sign in with that address from now on.`,
      'If this was not you, contact your organisation straight away.',
    ],
  });
}
