import { userResponseSchema } from '../schemas/auth.ts';
import {
  mailPreferencesResponseSchema,
  settingsResponseSchema,
  unsubscribeParamsSchema,
  unsubscribeResponseSchema,
  updateMailPreferencesBodySchema,
  updateProfileBodySchema,
} from '../schemas/mailPreferences.ts';
import { defineRoute } from './HttpRoute.ts';

/**
 * A person's own settings (display name, email preferences, organisations), and the unsubscribe links in optional
 * emails, which work without signing in.
 */
export const settingsRoutes = {
  getSettings: defineRoute({
    method: 'get',
    path: '/api/me/settings',
    summary: 'Your email preferences and the organisations you belong to',
    auth: 'user',
    status: 200,
    response: settingsResponseSchema,
  }),
  updateMailPreferences: defineRoute({
    method: 'patch',
    path: '/api/me/preferences',
    summary: 'Turn mention emails on or off and choose how often your digest comes (off, daily or weekly)',
    auth: 'user',
    body: updateMailPreferencesBodySchema,
    status: 200,
    response: mailPreferencesResponseSchema,
  }),
  updateProfile: defineRoute({
    method: 'patch',
    path: '/api/me/profile',
    summary: 'Change your display name',
    auth: 'user',
    body: updateProfileBodySchema,
    status: 200,
    response: userResponseSchema,
  }),
  checkUnsubscribe: defineRoute({
    method: 'get',
    path: '/api/unsubscribe/{token}',
    summary:
      "What an email's unsubscribe link turns off (changes nothing; 404 for a link that is not genuine)",
    auth: 'none',
    params: unsubscribeParamsSchema,
    status: 200,
    response: unsubscribeResponseSchema,
  }),
  unsubscribe: defineRoute({
    method: 'post',
    path: '/api/unsubscribe/{token}',
    summary:
      'Turn off the kind of email an unsubscribe link names, without signing in (also RFC 8058 one-click)',
    auth: 'none',
    params: unsubscribeParamsSchema,
    status: 200,
    response: unsubscribeResponseSchema,
  }),
};
