import { idParamsSchema } from '../schemas/common.ts';
import {
  createInnovationBodySchema,
  innovationHistorySchema,
  innovationListSchema,
  innovationResponseSchema,
  updateInnovationBodySchema,
} from '../schemas/innovations.ts';
import { defineRoute } from './HttpRoute.ts';

/** Innovation profiles: what a source organisation made work, its evidence, and every change to it. */
export const innovationRoutes = {
  createInnovation: defineRoute({
    method: 'post',
    path: '/api/communities/{id}/innovations',
    summary: "Add an innovation profile for your organisation (its confirmed people with 'innovation.edit')",
    auth: 'user',
    params: idParamsSchema,
    body: createInnovationBodySchema,
    status: 201,
    response: innovationResponseSchema,
  }),
  listInnovations: defineRoute({
    method: 'get',
    path: '/api/communities/{id}/innovations',
    summary: "A community's innovations, readable by every member",
    auth: 'user',
    params: idParamsSchema,
    status: 200,
    response: innovationListSchema,
  }),
  getInnovation: defineRoute({
    method: 'get',
    path: '/api/innovations/{id}',
    summary: 'One innovation profile',
    auth: 'user',
    params: idParamsSchema,
    status: 200,
    response: innovationResponseSchema,
  }),
  updateInnovation: defineRoute({
    method: 'patch',
    path: '/api/innovations/{id}',
    summary: 'Change an innovation profile (its source organisation only); the change is kept in its history',
    auth: 'user',
    params: idParamsSchema,
    body: updateInnovationBodySchema,
    status: 200,
    response: innovationResponseSchema,
  }),
  listInnovationHistory: defineRoute({
    method: 'get',
    path: '/api/innovations/{id}/history',
    summary: 'Every change to an innovation profile: who, what and when, newest first',
    auth: 'user',
    params: idParamsSchema,
    status: 200,
    response: innovationHistorySchema,
  }),
};
