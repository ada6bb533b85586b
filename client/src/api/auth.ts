import {
  routes,
  type LoginBody,
  type RegisterBody,
  type SessionResponse,
  type User,
} from '@common-ground/shared';
import { api } from './apiClient.ts';

/** Creates an account and signs in. */
export async function register(body: RegisterBody): Promise<User> {
  return (await api(routes.register, { body })).user;
}

/** Signs in with email and password. */
export async function signIn(body: LoginBody): Promise<User> {
  return (await api(routes.login, { body })).user;
}

/** Ends the session of a user or an open-day visitor. */
export async function signOut(): Promise<void> {
  await api(routes.logout);
}

/** Who this browser is: a user, an open-day visitor, or nobody (always answered, never an error). */
export async function fetchSession(): Promise<SessionResponse['session']> {
  return (await api(routes.getSession)).session;
}
