import { idParamsSchema } from '../schemas/common.ts';
import {
  agreeToGroundRulesBodySchema,
  groundRulesResponseSchema,
  putSetMemberBodySchema,
  setMemberListSchema,
  setMemberParamsSchema,
  setMemberResponseSchema,
  writeGroundRulesBodySchema,
} from '../schemas/learningSets.ts';
import { defineRoute } from './HttpRoute.ts';

/** A learning set's own people and its ground rules (contracting). */
export const learningSetRoutes = {
  listSetMembers: defineRoute({
    method: 'get',
    path: '/api/rooms/{id}/members',
    summary: "A learning set's people, with who has agreed to its ground rules",
    auth: 'user',
    params: idParamsSchema,
    status: 200,
    response: setMemberListSchema,
  }),
  putSetMember: defineRoute({
    method: 'post',
    path: '/api/rooms/{id}/members',
    summary: 'Add someone from the community to a learning set, or change their role there',
    auth: 'user',
    params: idParamsSchema,
    body: putSetMemberBodySchema,
    status: 200,
    response: setMemberResponseSchema,
  }),
  removeSetMember: defineRoute({
    method: 'delete',
    path: '/api/rooms/{id}/members/{userId}',
    summary: 'Remove someone from a learning set, or leave it (they lose access at once)',
    auth: 'user',
    params: setMemberParamsSchema,
    status: 204,
  }),
  getGroundRules: defineRoute({
    method: 'get',
    path: '/api/rooms/{id}/ground-rules',
    summary: "A learning set's ground rules in force, and whether you agreed to them",
    auth: 'user',
    params: idParamsSchema,
    status: 200,
    response: groundRulesResponseSchema,
  }),
  writeGroundRules: defineRoute({
    method: 'put',
    path: '/api/rooms/{id}/ground-rules',
    summary: "Write a learning set's ground rules (everyone agrees again)",
    auth: 'user',
    params: idParamsSchema,
    body: writeGroundRulesBodySchema,
    status: 200,
    response: groundRulesResponseSchema,
  }),
  agreeToGroundRules: defineRoute({
    method: 'post',
    path: '/api/rooms/{id}/ground-rules/agreement',
    summary: 'Agree to the revision of the ground rules you read',
    auth: 'user',
    params: idParamsSchema,
    body: agreeToGroundRulesBodySchema,
    status: 204,
  }),
};
