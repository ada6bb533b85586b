import type { z } from 'zod';

/** One HTTP route of the public API, described by the same zod schemas the server validates with. */
export interface HttpRoute {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  /** OpenAPI-style path, e.g. `/api/rooms/{id}`. */
  path: string;
  summary: string;
  /** Whether a session (user or visitor) is needed. */
  auth: 'none' | 'user' | 'user-or-visitor';
  body?: z.ZodType;
  query?: z.ZodType;
  status: number;
  response?: z.ZodType;
}
