import { z } from 'zod';

/** `GET /healthz`: the process is up. */
export const healthSchema = z.object({ status: z.literal('ok'), uptimeSeconds: z.number() });
export type Health = z.infer<typeof healthSchema>;

/** `GET /readyz`: whether the server can reach its database. */
export const readinessSchema = z.object({
  status: z.enum(['ready', 'unavailable']),
  database: z.object({ reachable: z.boolean(), latencyMs: z.number().nullable() }),
});
export type Readiness = z.infer<typeof readinessSchema>;
