import { emptyBodySchema, idParamsSchema } from '../schemas/common.ts';
import { emailResponseSchema } from '../schemas/accountEmails.ts';
import {
  finishSingleSignOnQuerySchema,
  singleSignOnSchema,
  startSingleSignOnQuerySchema,
  verifyEmailBodySchema,
} from '../schemas/identity.ts';
import {
  organisationResponseSchema,
  updateOrganisationBodySchema,
  verifyOrganisationBodySchema,
} from '../schemas/organisations.ts';
import { defineRoute } from './HttpRoute.ts';

/**
 * Who someone is and whom to trust: single sign-on, verifying the address given at sign-up, an organisation's email
 * domains, and verifying that an organisation is who it says.
 */
export const identityRoutes = {
  getSingleSignOn: defineRoute({
    method: 'get',
    path: '/api/auth/sso',
    summary: 'Whether single sign-on is configured, and the words of its button',
    auth: 'none',
    status: 200,
    response: singleSignOnSchema,
  }),
  startSingleSignOn: defineRoute({
    method: 'get',
    path: '/api/auth/sso/start',
    summary:
      'Go to the OpenID Connect provider to sign in (a redirect; 404 when single sign-on is not set up)',
    auth: 'none',
    query: startSingleSignOnQuerySchema,
    status: 302,
  }),
  finishSingleSignOn: defineRoute({
    method: 'get',
    path: '/api/auth/sso/callback',
    summary: "The provider's answer: checks state, nonce and PKCE, signs in, and redirects into the product",
    auth: 'none',
    query: finishSingleSignOnQuerySchema,
    status: 302,
  }),
  verifyEmail: defineRoute({
    method: 'post',
    path: '/api/auth/verify-email',
    summary: "Verify the address given at sign-up with its link's token (once)",
    auth: 'none',
    body: verifyEmailBodySchema,
    status: 200,
    response: emailResponseSchema,
  }),
  resendEmailVerification: defineRoute({
    method: 'post',
    path: '/api/me/email-verification',
    summary: 'Email a new link to verify your address (the older link stops working)',
    auth: 'user',
    body: emptyBodySchema,
    status: 202,
  }),
  updateOrganisation: defineRoute({
    method: 'patch',
    path: '/api/organisations/{id}',
    summary: "Set an organisation's email domains (its admins)",
    auth: 'user',
    params: idParamsSchema,
    body: updateOrganisationBodySchema,
    status: 200,
    response: organisationResponseSchema,
  }),
  verifyOrganisation: defineRoute({
    method: 'put',
    path: '/api/organisations/{id}/verification',
    summary:
      'Mark an organisation verified or not (a facilitator who knows its people, or a platform administrator)',
    auth: 'user',
    params: idParamsSchema,
    body: verifyOrganisationBodySchema,
    status: 200,
    response: organisationResponseSchema,
  }),
};
