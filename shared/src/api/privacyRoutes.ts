import { idParamsSchema } from '../schemas/common.ts';
import { auditLogQuerySchema, auditLogSchema, deleteAccountBodySchema } from '../schemas/privacy.ts';
import { defineRoute } from './HttpRoute.ts';

/** People's rights over their data (export, erasure) and the community audit log facilitators read. */
export const privacyRoutes = {
  exportMyData: defineRoute({
    method: 'get',
    path: '/api/me/export',
    summary: 'Everything stored about you, as one JSON file to download',
    auth: 'user',
    status: 200,
  }),
  deleteMyAccount: defineRoute({
    method: 'post',
    path: '/api/me/delete',
    summary: 'Delete your account (password again); your messages stay as "Former member" or are removed',
    auth: 'user',
    body: deleteAccountBodySchema,
    status: 204,
  }),
  getCommunityAuditLog: defineRoute({
    method: 'get',
    path: '/api/communities/{id}/audit',
    summary: "The community's audit log, newest first (facilitators)",
    auth: 'user',
    params: idParamsSchema,
    query: auditLogQuerySchema,
    status: 200,
    response: auditLogSchema,
  }),
};
