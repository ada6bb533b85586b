import {
  errorBodySchema,
  userResponseSchema,
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

/** The signed-in user, or null when nobody is signed in (`GET /api/me`). */
export async function fetchMe(): Promise<User | null> {
  const response = await apiRequest('GET', '/api/me', {
    schema: userResponseSchema.or(errorBodySchema),
    allowStatus: [401],
  });
  return 'user' in response ? response.user : null;
}
