import { can, CLOSE_CODES, type Role } from '@common-ground/shared';
import type { AccessAdapter } from '../access/ConnectionAccess.ts';
import type { Caller } from '../auth/Caller.ts';
import { callerFromSessionId } from '../auth/sessionStore.ts';
import type { Env } from '../env.ts';
import { AppError } from '../errors.ts';
import { loadDocumentRoomForCaller } from '../policies/roomPolicy.ts';
import type { CollabConnection } from './CollabConnection.ts';
import type { DocumentRoom } from './DocumentRoom.ts';

/** The policy's answer for one /collab connection: keep it with a (possibly new) role, or close it. */
type CollabDecision =
  { keep: true; caller: Caller; role: Role } | { keep: false; code: number; reason: string };

/**
 * How a /collab connection plugs into ConnectionAccess: a membership change in its community (or one that raced its
 * upgrade) resolves the session and the room policy again; the connection becomes read-only or editable, or closes
 * with the matching close code. An ended session or pass closes it with `unauthenticated` or `passRevoked`.
 */
export function collabAccess(
  connection: CollabConnection,
  room: DocumentRoom,
  env: Pick<Env, 'SESSION_IDLE_MINUTES' | 'SESSION_ABSOLUTE_HOURS'>,
): AccessAdapter<CollabDecision> {
  return {
    get caller() {
      return connection.caller;
    },
    async recheck(cause) {
      if (cause.type === 'membership.changed' && cause.communityId !== connection.communityId) return null;
      const visitor = connection.caller.kind !== 'user';
      const caller = await callerFromSessionId(connection.caller.sessionId, env, { touch: false });
      // Visitors hear of no membership changes, so a visitor re-checked here raced a change to its pass.
      if (!caller)
        return visitor
          ? { keep: false, code: CLOSE_CODES.passRevoked, reason: 'visitor pass revoked' }
          : { keep: false, code: CLOSE_CODES.unauthenticated, reason: 'session ended' };
      try {
        const { role } = await loadDocumentRoomForCaller(caller, room.documentId);
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
    },
    apply(decision) {
      if (!decision.keep) return connection.close(decision.code, decision.reason);
      connection.caller = decision.caller;
      connection.role = decision.role;
      room.setAccess(connection, can(decision.role, 'document.edit'));
    },
    close(ending) {
      if (ending === 'unverifiable')
        return connection.close(CLOSE_CODES.goingAway, 'access could not be re-checked');
      if (ending === 'pass-revoked') return connection.close(CLOSE_CODES.passRevoked, 'visitor pass revoked');
      connection.close(
        ending === 'expired' && connection.caller.kind === 'visitor'
          ? CLOSE_CODES.passRevoked
          : CLOSE_CODES.unauthenticated,
        'session ended',
      );
    },
  };
}
