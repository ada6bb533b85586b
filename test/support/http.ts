import { SESSION_COOKIE } from '@common-ground/shared';

/** The status, JSON body and Set-Cookie session of one API call. */
export interface ApiResult<T = unknown> {
  status: number;
  body: T;
  cookie: string | null;
}

/** Calls the API like a browser would (JSON, optional session cookie and Origin). */
export async function api<T = unknown>(
  origin: string,
  method: string,
  path: string,
  options: {
    cookie?: string | null;
    body?: unknown;
    rawBody?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.cookie) headers.cookie = options.cookie;
  if (options.body !== undefined || options.rawBody !== undefined)
    headers['content-type'] = 'application/json';
  const response = await fetch(`${origin}${path}`, {
    method,
    headers,
    body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    redirect: 'manual',
  });
  const text = await response.text();
  let body: unknown = undefined;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = text;
  }
  return { status: response.status, body: body as T, cookie: sessionCookieFrom(response) };
}

/** Picks the session cookie out of a response, as `name=value` ready for a Cookie header. */
export function sessionCookieFrom(response: Response): string | null {
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(';');
    if (pair?.startsWith(`${SESSION_COOKIE}=`) && pair.length > SESSION_COOKIE.length + 1) return pair;
  }
  return null;
}
