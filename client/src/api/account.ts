import {
  routes,
  type ChangeEmailBody,
  type ChangePasswordBody,
  type OutboxMessage,
  type PasswordResetBody,
} from '@common-ground/shared';
import { api } from './apiClient.ts';

/** Asks for a reset link by email; the answer is the same whether or not the address has an account. */
export async function requestPasswordReset(email: string): Promise<void> {
  await api(routes.requestPasswordReset, { body: { email } });
}

/** Sets a new password with the token from the emailed link; every session of the account ends. */
export async function resetPassword(body: PasswordResetBody): Promise<void> {
  await api(routes.resetPassword, { body });
}

/** Changes the signed-in person's password; their other sessions end. */
export async function changePassword(body: ChangePasswordBody): Promise<void> {
  await api(routes.changePassword, { body });
}

/** Sends a confirmation link to a new email address; nothing changes until it is used. */
export async function requestEmailChange(body: ChangeEmailBody): Promise<void> {
  await api(routes.requestEmailChange, { body });
}

/** Confirms a new email address with the token from its link; returns the address now used. */
export async function confirmEmailChange(token: string): Promise<string> {
  return (await api(routes.confirmEmailChange, { body: { token } })).email;
}

/** Development only: the emails kept instead of sent. */
export async function listOutbox(): Promise<OutboxMessage[]> {
  return (await api(routes.listOutbox)).messages;
}
