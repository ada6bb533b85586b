import { z } from 'zod';

/**
 * Document-level state the server tells subscribed collaboration clients about (the `status` extension message, see
 * COLLAB_MESSAGE in realtime/collabProtocol.ts). Unknown fields are dropped, so the server may add some later.
 */
export const collabStatusSchema = z.object({
  /** The caller's access on this connection. */
  access: z.enum(['edit', 'view']),
  /** `ok`, or `storage-retrying` while writes to the database are failing and being retried, or `full` at the size cap. */
  storage: z.enum(['ok', 'storage-retrying', 'full']),
  /** Number of read-only watchers (visitors appear only as this headcount). */
  watchers: z.number().int().min(0),
});
export type CollabStatus = z.infer<typeof collabStatusSchema>;
