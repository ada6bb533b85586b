import {
  changeEmailBodySchema,
  changePasswordBodySchema,
  confirmEmailChangeBodySchema,
  emailResponseSchema,
  outboxResponseSchema,
  passwordResetBodySchema,
  passwordResetRequestBodySchema,
} from '../schemas/accountEmails.ts';
import { emptyBodySchema } from '../schemas/common.ts';
import { invitationParamsSchema, invitationResponseSchema } from '../schemas/communities.ts';
import { defineRoute } from './HttpRoute.ts';

/**
 * What works by email: a way back in (password reset), changing one's password and address, resending an
 * invitation, and the development outbox. Those that must send email answer 503 `mail_not_configured` without a
 * mail transport.
 */
export const accountEmailRoutes = {
  requestPasswordReset: defineRoute({
    method: 'post',
    path: '/api/auth/password-reset',
    summary: 'Email a password reset link (the same 202 whether or not the address has an account)',
    auth: 'none',
    body: passwordResetRequestBodySchema,
    status: 202,
  }),
  resetPassword: defineRoute({
    method: 'post',
    path: '/api/auth/password-reset/complete',
    summary: "Set a new password with an emailed link's token (once); ends every session of the account",
    auth: 'none',
    body: passwordResetBodySchema,
    status: 204,
  }),
  changePassword: defineRoute({
    method: 'post',
    path: '/api/me/password',
    summary: 'Change your password (current one required); signs out your other sessions',
    auth: 'user',
    body: changePasswordBodySchema,
    status: 204,
  }),
  requestEmailChange: defineRoute({
    method: 'post',
    path: '/api/me/email',
    summary: 'Ask to change your email address: a confirmation link goes to the new one',
    auth: 'user',
    body: changeEmailBodySchema,
    status: 202,
  }),
  confirmEmailChange: defineRoute({
    method: 'post',
    path: '/api/auth/email-change/confirm',
    summary: "Confirm a new email address with its link's token (once)",
    auth: 'none',
    body: confirmEmailChangeBodySchema,
    status: 200,
    response: emailResponseSchema,
  }),
  resendInvitation: defineRoute({
    method: 'post',
    path: '/api/communities/{id}/invitations/{invitationId}/resend',
    summary: 'Email an unused invitation again with a fresh link (the old link stops working)',
    auth: 'user',
    params: invitationParamsSchema,
    body: emptyBodySchema,
    status: 200,
    response: invitationResponseSchema,
  }),
  listOutbox: defineRoute({
    method: 'get',
    path: '/api/dev/outbox',
    summary: 'Development only, from this machine: the emails kept instead of sent (404 otherwise)',
    auth: 'none',
    status: 200,
    response: outboxResponseSchema,
  }),
};
