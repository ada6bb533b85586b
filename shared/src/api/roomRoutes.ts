import { idParamsSchema } from '../schemas/common.ts';
import { roomResponseSchema } from '../schemas/rooms.ts';
import {
  createVisitorPassBodySchema,
  startVisitBodySchema,
  visitorPassListSchema,
  visitorPassParamsSchema,
  visitorPassResponseSchema,
  visitResponseSchema,
} from '../schemas/visits.ts';
import { defineRoute } from './HttpRoute.ts';

/** A room, the visitor passes of open-day rooms, and the visits they admit. */
export const roomRoutes = {
  getRoom: defineRoute({
    method: 'get',
    path: '/api/rooms/{id}',
    summary: 'One room',
    auth: 'user-or-visitor',
    params: idParamsSchema,
    status: 200,
    response: roomResponseSchema,
  }),
  createVisitorPass: defineRoute({
    method: 'post',
    path: '/api/rooms/{id}/visitor-passes',
    summary: 'Create an open-day visitor pass',
    auth: 'user',
    params: idParamsSchema,
    body: createVisitorPassBodySchema,
    status: 201,
    response: visitorPassResponseSchema,
  }),
  listVisitorPasses: defineRoute({
    method: 'get',
    path: '/api/rooms/{id}/visitor-passes',
    summary: "An open-day room's visitor passes",
    auth: 'user',
    params: idParamsSchema,
    status: 200,
    response: visitorPassListSchema,
  }),
  revokeVisitorPass: defineRoute({
    method: 'delete',
    path: '/api/rooms/{id}/visitor-passes/{passId}',
    summary: 'Revoke a visitor pass (its visitors leave at once)',
    auth: 'user',
    params: visitorPassParamsSchema,
    status: 204,
  }),
  startVisit: defineRoute({
    method: 'post',
    path: '/api/visits',
    summary: 'Start an open-day visit with a pass token',
    auth: 'none',
    body: startVisitBodySchema,
    status: 200,
    response: visitResponseSchema,
  }),
  getCurrentVisit: defineRoute({
    method: 'get',
    path: '/api/visits/current',
    summary: 'The visit in progress',
    auth: 'user-or-visitor',
    status: 200,
    response: visitResponseSchema,
  }),
};
