import { z } from 'zod';
import {
  affiliationListSchema,
  affiliationResponseSchema,
  createOrganisationBodySchema,
  organisationListSchema,
  organisationResponseSchema,
  updateAffiliationBodySchema,
} from '../schemas/organisations.ts';
import { loginBodySchema, registerBodySchema, userResponseSchema } from '../schemas/auth.ts';
import {
  communityListSchema,
  communityResponseSchema,
  createCommunityBodySchema,
  createInvitationBodySchema,
  invitationListSchema,
  invitationPreviewSchema,
  invitationResponseSchema,
  memberListSchema,
  membershipResponseSchema,
  updateMemberBodySchema,
} from '../schemas/communities.ts';
import { createRoomBodySchema, roomListSchema, roomResponseSchema } from '../schemas/rooms.ts';
import {
  createVisitorPassBodySchema,
  startVisitBodySchema,
  visitResponseSchema,
  visitorPassListSchema,
  visitorPassResponseSchema,
} from '../schemas/visits.ts';
import { healthSchema, readinessSchema } from '../schemas/health.ts';

/** One HTTP route of the public API, described by the same zod schemas the server validates with. */
export interface HttpRoute {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  /** OpenAPI-style path, e.g. `/api/rooms/{id}`. */
  path: string;
  summary: string;
  /** Whether a session (user or visitor) is needed. */
  auth: 'none' | 'user' | 'user-or-visitor';
  body?: z.ZodType;
  query?: z.ZodType;
  status: number;
  response?: z.ZodType;
}

/** Every HTTP route of the access and foundation capabilities; other capabilities append theirs. */
export const HTTP_ROUTES: HttpRoute[] = [
  { method: 'get', path: '/healthz', summary: 'The process is up', auth: 'none', status: 200, response: healthSchema },
  { method: 'get', path: '/readyz', summary: 'The database is reachable (503 otherwise)', auth: 'none', status: 200, response: readinessSchema },
  { method: 'post', path: '/api/auth/register', summary: 'Create an account and sign in', auth: 'none', body: registerBodySchema, status: 201, response: userResponseSchema },
  { method: 'post', path: '/api/auth/login', summary: 'Sign in', auth: 'none', body: loginBodySchema, status: 200, response: userResponseSchema },
  { method: 'post', path: '/api/auth/logout', summary: 'Sign out and end the session', auth: 'none', status: 204 },
  { method: 'get', path: '/api/me', summary: 'The signed-in user', auth: 'user', status: 200, response: userResponseSchema },
  { method: 'post', path: '/api/organisations', summary: 'Create an organisation (you become its first admin)', auth: 'user', body: createOrganisationBodySchema, status: 201, response: organisationResponseSchema },
  { method: 'get', path: '/api/organisations', summary: 'Find organisations by name', auth: 'user', query: z.object({ search: z.string().optional() }), status: 200, response: organisationListSchema },
  { method: 'get', path: '/api/organisations/{id}', summary: 'One organisation', auth: 'user', status: 200, response: organisationResponseSchema },
  { method: 'post', path: '/api/organisations/{id}/affiliations', summary: 'Ask to be confirmed as working for an organisation', auth: 'user', status: 201, response: affiliationResponseSchema },
  { method: 'get', path: '/api/organisations/{id}/affiliations', summary: "An organisation's people (admins also see pending requests)", auth: 'user', status: 200, response: affiliationListSchema },
  { method: 'patch', path: '/api/organisations/{id}/affiliations/{userId}', summary: 'Confirm someone, or make them an admin', auth: 'user', body: updateAffiliationBodySchema, status: 200, response: affiliationResponseSchema },
  { method: 'delete', path: '/api/organisations/{id}/affiliations/{userId}', summary: 'Decline a request, remove someone, or leave', auth: 'user', status: 204 },
  { method: 'post', path: '/api/communities', summary: 'Create a community of practice (you become its facilitator)', auth: 'user', body: createCommunityBodySchema, status: 201, response: communityResponseSchema },
  { method: 'get', path: '/api/communities', summary: 'Your communities', auth: 'user', status: 200, response: communityListSchema },
  { method: 'get', path: '/api/communities/{id}', summary: 'One community', auth: 'user', status: 200, response: communityResponseSchema },
  { method: 'get', path: '/api/communities/{id}/members', summary: 'Members of a community', auth: 'user', status: 200, response: memberListSchema },
  { method: 'patch', path: '/api/communities/{id}/members/{userId}', summary: "Change a member's role", auth: 'user', body: updateMemberBodySchema, status: 200, response: membershipResponseSchema },
  { method: 'delete', path: '/api/communities/{id}/members/{userId}', summary: 'Remove a member, or leave', auth: 'user', status: 204 },
  { method: 'post', path: '/api/communities/{id}/invitations', summary: 'Invite someone by email with a role', auth: 'user', body: createInvitationBodySchema, status: 201, response: invitationResponseSchema },
  { method: 'get', path: '/api/communities/{id}/invitations', summary: 'Invitations of a community', auth: 'user', status: 200, response: invitationListSchema },
  { method: 'delete', path: '/api/communities/{id}/invitations/{invitationId}', summary: 'Withdraw an unused invitation', auth: 'user', status: 204 },
  { method: 'get', path: '/api/invitations/{token}', summary: 'What an invitation link is for', auth: 'user', status: 200, response: invitationPreviewSchema },
  { method: 'post', path: '/api/invitations/{token}/accept', summary: 'Accept an invitation (once)', auth: 'user', status: 200, response: membershipResponseSchema },
  { method: 'post', path: '/api/communities/{id}/rooms', summary: 'Create a room', auth: 'user', body: createRoomBodySchema, status: 201, response: roomResponseSchema },
  { method: 'get', path: '/api/communities/{id}/rooms', summary: 'Rooms of a community', auth: 'user', status: 200, response: roomListSchema },
  { method: 'get', path: '/api/rooms/{id}', summary: 'One room', auth: 'user-or-visitor', status: 200, response: roomResponseSchema },
  { method: 'post', path: '/api/rooms/{id}/visitor-passes', summary: 'Create an open-day visitor pass', auth: 'user', body: createVisitorPassBodySchema, status: 201, response: visitorPassResponseSchema },
  { method: 'get', path: '/api/rooms/{id}/visitor-passes', summary: "An open-day room's visitor passes", auth: 'user', status: 200, response: visitorPassListSchema },
  { method: 'delete', path: '/api/rooms/{id}/visitor-passes/{passId}', summary: 'Revoke a visitor pass (its visitors leave at once)', auth: 'user', status: 204 },
  { method: 'post', path: '/api/visits', summary: 'Start an open-day visit with a pass token', auth: 'none', body: startVisitBodySchema, status: 200, response: visitResponseSchema },
  { method: 'get', path: '/api/visits/current', summary: 'The visit in progress', auth: 'user-or-visitor', status: 200, response: visitResponseSchema },
];
