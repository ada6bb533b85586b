import { z } from 'zod';

/** `GET /healthz`: the process is up. */
export const healthSchema = z.object({ status: z.literal('ok'), uptimeSeconds: z.number() });
export type Health = z.infer<typeof healthSchema>;

/**
 * `GET /readyz`: whether the server can reach its database (503 when not). With REDIS_URL set and Redis down, the
 * instance still serves its own clients and stays correct through MongoDB, so it answers 200 `degraded`.
 */
export const readinessSchema = z.object({
  status: z.enum(['ready', 'degraded', 'unavailable']),
  database: z.object({ reachable: z.boolean(), latencyMs: z.number().nullable() }),
  /** The shared bus: `off` for a single instance without REDIS_URL. */
  redis: z.enum(['up', 'down', 'off']),
});
export type Readiness = z.infer<typeof readinessSchema>;
