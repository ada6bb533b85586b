import {
  routes,
  type MailPreferences,
  type OptionalEmailKind,
  type SettingsResponse,
  type UpdateMailPreferencesBody,
  type User,
} from '@common-ground/shared';
import { api } from './apiClient.ts';

/** The signed-in person's email preferences and organisations. */
export async function getSettings(): Promise<SettingsResponse> {
  return api(routes.getSettings);
}

/** Changes some email preferences; returns them all. */
export async function updateMailPreferences(body: UpdateMailPreferencesBody): Promise<MailPreferences> {
  return (await api(routes.updateMailPreferences, { body })).preferences;
}

/** Changes the signed-in person's display name. */
export async function updateDisplayName(displayName: string): Promise<User> {
  return (await api(routes.updateProfile, { body: { displayName } })).user;
}

/** What an unsubscribe link would turn off, without changing anything. */
export async function checkUnsubscribe(token: string): Promise<OptionalEmailKind> {
  return (await api(routes.checkUnsubscribe, { params: { token } })).kind;
}

/** Turns off the kind of email an unsubscribe link names. */
export async function unsubscribe(token: string): Promise<OptionalEmailKind> {
  return (await api(routes.unsubscribe, { params: { token } })).kind;
}
