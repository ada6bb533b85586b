import type { IncomingMessage } from 'node:http';
import type { Env } from './env.ts';

/**
 * Decides whether a request's `Origin` is the server's own or a configured one. Used by the HTTP middleware,
 * the Socket.IO handshake and the collaboration upgrade, so all three refuse the same origins.
 */
export function createOriginPolicy(env: Pick<Env, 'PUBLIC_ORIGIN' | 'ALLOWED_ORIGINS' | 'TRUST_PROXY'>) {
  const allowed = new Set(
    [...(env.PUBLIC_ORIGIN ? [env.PUBLIC_ORIGIN] : []), ...env.ALLOWED_ORIGINS].map(normalise),
  );

  function ownOrigins(req: IncomingMessage): string[] {
    const forwardedHost = env.TRUST_PROXY ? firstHeader(req.headers['x-forwarded-host']) : undefined;
    const host = forwardedHost ?? req.headers.host;
    if (!host) return [];
    const forwardedProto = env.TRUST_PROXY ? firstHeader(req.headers['x-forwarded-proto']) : undefined;
    const encrypted = (req.socket as { encrypted?: boolean }).encrypted === true;
    const proto = forwardedProto ?? (encrypted ? 'https' : 'http');
    return [normalise(`${proto}://${host}`)];
  }

  return {
    /** True when the origin may act on this server; a missing Origin is allowed only when `allowMissing`. */
    isAllowed(req: IncomingMessage, options: { allowMissing: boolean }): boolean {
      const origin = firstHeader(req.headers.origin);
      if (!origin || origin === 'null') return options.allowMissing && !origin;
      const normalised = normalise(origin);
      return allowed.has(normalised) || ownOrigins(req).includes(normalised);
    },
  };
}

/** The shared origin decision. */
export type OriginPolicy = ReturnType<typeof createOriginPolicy>;

function firstHeader(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first?.split(',')[0]?.trim() || undefined;
}

function normalise(origin: string): string {
  try {
    return new URL(origin).origin;
  } catch {
    return origin;
  }
}
