import {
  errorBodySchema,
  pathFor,
  queryStringFor,
  type ErrorCode,
  type HttpRoute,
  type RouteRequestArgs,
  type RouteResponse,
} from '@common-ground/shared';
import { announceAccessEnded } from '../hooks/visitEndings.ts';

/** An error the API answered with, carrying its code so pages can react to it. */
export class ApiError extends Error {
  readonly code: ErrorCode | 'network';
  readonly status: number;
  readonly details: unknown;

  constructor(code: ErrorCode | 'network', message: string, status: number, details?: unknown) {
    super(message);
    this.code = code;
    this.status = status;
    this.details = details;
  }

  /** Field errors from a `validation_failed` response, keyed by field name. */
  fieldErrors(): Record<string, string> {
    const fields = (this.details as { fields?: Record<string, string> } | undefined)?.fields;
    return fields ?? {};
  }
}

/** How to send a call, beyond what the route needs. */
interface CallOptions {
  /** Error statuses whose body still follows the route's response schema (the 503 of `/readyz`). */
  allowStatus?: number[];
  /** Lets the request outlive the page, for a last word sent as it closes. */
  keepalive?: boolean;
}

/**
 * Calls one route of the shared table: builds its URL from the entry, sends the body as JSON, and parses the answer
 * with the entry's response schema, so a contract drift fails loudly here. `api(routes.getRoom, { params: { id } })`.
 */
export async function api<Route extends HttpRoute>(
  route: Route,
  ...[request]: RouteRequestArgs<Route, CallOptions>
): Promise<RouteResponse<Route>> {
  const { params, query, body, allowStatus, keepalive } = (request ?? {}) as CallOptions & {
    params?: Record<string, string>;
    query?: Record<string, unknown>;
    body?: unknown;
  };
  let response: Response;
  try {
    response = await fetch(pathFor(route, params) + queryStringFor(query), {
      method: route.method.toUpperCase(),
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      keepalive,
    });
  } catch {
    throw new ApiError('network', 'We could not reach the server. Check your connection and try again.', 0);
  }
  const text = await response.text();
  const json: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok && !allowStatus?.includes(response.status)) {
    const parsed = errorBodySchema.safeParse(json);
    // A session or pass the server no longer accepts: a visitor's visit ends at once (SessionProvider decides).
    if (response.status === 401) announceAccessEnded();
    if (parsed.success) {
      const { code, message, details } = parsed.data.error;
      throw new ApiError(code, message, response.status, details);
    }
    throw new ApiError('internal', `The server answered ${response.status}.`, response.status);
  }
  return (route.response ? route.response.parse(json) : undefined) as RouteResponse<Route>;
}
