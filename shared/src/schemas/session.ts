import { z } from 'zod';
import { userSchema } from './auth.ts';
import { visitResponseSchema } from './visits.ts';

/**
 * `GET /api/session`: who this browser is, always answered with 200 so pages can ask without an error: a signed-in
 * user, an open-day visitor with their room, or nobody.
 */
export const sessionResponseSchema = z.object({
  session: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('user'), user: userSchema }),
      z.object({ kind: z.literal('visitor'), visit: visitResponseSchema }),
    ])
    .nullable(),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;
