import { can, CLOSE_CODES, type Role } from '@common-ground/shared';
import type { AccessEvent } from '../access/AccessEvents.ts';
import type { AppContext } from '../AppContext.ts';
import type { Caller } from '../auth/Caller.ts';
import { callerFromSessionId } from '../auth/sessionStore.ts';
import { AppError } from '../errors.ts';
import { loadDocumentRoomForCaller } from '../policies/roomPolicy.ts';
import type { CollabConnection } from './CollabConnection.ts';

/** Whether an access change concerns this connection's caller. */
export function accessEventTouches(event: AccessEvent, connection: CollabConnection): boolean {
  const caller = connection.caller;
  if (event.type === 'session.ended') return caller.sessionId === event.sessionId;
  if (event.type === 'pass.revoked') return caller.kind !== 'user' && caller.passId === event.passId;
  return (
    caller.kind === 'user' && caller.user.id === event.userId && connection.communityId === event.communityId
  );
}

/** Resolves a connection's access again through the one policy: keep it with a (possibly new) role, or close it. */
export async function recheckAccess(
  context: AppContext,
  connection: CollabConnection,
  documentId: string,
  event: AccessEvent,
): Promise<{ keep: true; caller: Caller; role: Role } | { keep: false; code: number; reason: string }> {
  const visitor = connection.caller.kind !== 'user';
  const caller = await callerFromSessionId(connection.caller.sessionId, context.env, { touch: false });
  if (!caller) {
    return visitor && event.type === 'pass.revoked'
      ? { keep: false, code: CLOSE_CODES.passRevoked, reason: 'visitor pass revoked' }
      : { keep: false, code: CLOSE_CODES.unauthenticated, reason: 'session ended' };
  }
  try {
    const { role } = await loadDocumentRoomForCaller(caller, documentId);
    if (!can(role, 'document.view'))
      return { keep: false, code: CLOSE_CODES.forbidden, reason: 'access withdrawn' };
    return { keep: true, caller, role };
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found')
      return visitor
        ? { keep: false, code: CLOSE_CODES.passRevoked, reason: 'visitor pass no longer valid here' }
        : { keep: false, code: CLOSE_CODES.forbidden, reason: 'access withdrawn' };
    throw error;
  }
}
