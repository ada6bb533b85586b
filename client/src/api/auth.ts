import {
  sessionResponseSchema,
  userResponseSchema,
  type SessionResponse,
  type LoginBody,
  type RegisterBody,
  type User,
} from '@common-ground/shared';
import { apiRequest } from './apiClient.ts';

/** Creates an account and signs in (`POST /api/auth/register`). */
export async function register(body: RegisterBody): Promise<User> {
  return (await apiRequest('POST', '/api/auth/register', { body, schema: userResponseSchema })).user;
}

/** Signs in with email and password (`POST /api/auth/login`). */
export async function signIn(body: LoginBody): Promise<User> {
  return (await apiRequest('POST', '/api/auth/login', { body, schema: userResponseSchema })).user;
}

/** Ends the session of a user or an open-day visitor (`POST /api/auth/logout`). */
export async function signOut(): Promise<void> {
  await apiRequest('POST', '/api/auth/logout');
}

/** Who this browser is: a user, an open-day visitor, or nobody (`GET /api/session`, always 200). */
export async function fetchSession(): Promise<SessionResponse['session']> {
  return (await apiRequest('GET', '/api/session', { schema: sessionResponseSchema })).session;
}
