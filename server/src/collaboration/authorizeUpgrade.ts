import type { IncomingMessage } from 'node:http';
import { can, COLLAB_PATH, type Role } from '@common-ground/shared';
import type { AppContext } from '../AppContext.ts';
import type { Caller } from '../auth/Caller.ts';
import { callerFromToken, sessionTokenFrom } from '../auth/sessionStore.ts';
import { AppError } from '../errors.ts';
import { loadDocumentRoomForCaller, roomOfDocument } from '../policies/roomPolicy.ts';

/** Who may open the socket, or the HTTP status that refuses the upgrade. */
export type UpgradeDecision =
  | { ok: true; caller: Caller; role: Role; documentId: string; communityId: string }
  | { ok: false; status: 401 | 403 | 404 | 500 };

/**
 * What can be decided from the request alone, without the database: its origin, session cookie and document id.
 * Gives the refusal, or the session token and document id to ask the room policy about.
 */
export function checkUpgradeRequest(
  context: AppContext,
  req: IncomingMessage,
): { ok: false; status: 401 | 403 | 404 } | { token: string; documentId: string } {
  if (!context.originPolicy.isAllowed(req, { allowMissing: true })) return { ok: false, status: 403 };
  const documentId = documentIdFrom(req.url ?? '');
  const token = sessionTokenFrom(req);
  if (!token) return { ok: false, status: 401 };
  if (!documentId) return { ok: false, status: 404 };
  return { token, documentId };
}

/**
 * Decides an upgrade before any WebSocket exists, with the same session lookup and room policy as the HTTP API (after
 * checkUpgradeRequest): no live session → 401, no such document or no right to view it → 404.
 */
export async function admitToDocument(
  context: AppContext,
  token: string,
  documentId: string,
): Promise<UpgradeDecision> {
  // The document's room is looked up beside the session (one round trip fewer per upgrade; checkUpgradeRequest let
  // through only well-formed ids, and people opening one document share the lookup).
  const found = roomOfDocument(documentId);
  found.catch(() => undefined); // a failure is reported below, or not at all when the session is refused first
  const caller = await callerFromToken(token, context.env);
  if (!caller) return { ok: false, status: 401 };
  try {
    const { room, role } = await loadDocumentRoomForCaller(caller, documentId, found);
    if (!can(role, 'document.view')) return { ok: false, status: 404 };
    return { ok: true, caller, role, documentId, communityId: String(room.communityId) };
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return { ok: false, status: 404 };
    context.logger.error({ err: error }, 'collaboration upgrade failed');
    return { ok: false, status: 500 };
  }
}

/** The document id in `/collab/:documentId` (y-websocket may append query parameters). */
export function documentIdFrom(url: string): string | null {
  const pathname = new URL(url, 'http://localhost').pathname;
  if (!pathname.startsWith(`${COLLAB_PATH}/`)) return null;
  const rest = pathname.slice(COLLAB_PATH.length + 1).replace(/\/$/, '');
  try {
    const id = decodeURIComponent(rest);
    return /^[0-9a-f]{24}$/i.test(id) ? id : null;
  } catch {
    return null;
  }
}

const REASONS: Record<number, string> = {
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** A minimal HTTP response that refuses an upgrade and closes the socket. */
export function refusal(status: number): string {
  const reason = REASONS[status] ?? 'Error';
  return `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${reason.length}\r\n\r\n${reason}`;
}
