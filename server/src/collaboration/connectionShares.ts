import { can, CLOSE_CODES, COLLAB_LIMITS } from '@common-ground/shared';
import type { CollabConnection } from './CollabConnection.ts';

/** Whether a new connection may join its document, or the close code and reason that refuse it. */
export type ShareDecision = { ok: true } | { ok: false; code: number; reason: string };

/** The document-wide caps and the shares of one session, one person and one visitor pass. */
export interface DocumentCaps {
  maxEditors: number;
  maxWatchers: number;
  perSession: number;
  perUser: number;
  perPass: number;
}

/**
 * Decides whether `connection` may join a document that already holds `others`: each session, person and visitor
 * pass gets a fair share, well below the document-wide caps, so one cookie cannot take every slot; and a tenth of the
 * editor slots is kept for those who may moderate the room (facilitators), so they can always get in to recover it.
 */
export function admitToShare(
  connection: CollabConnection,
  others: Iterable<CollabConnection>,
  caps: DocumentCaps,
): ShareDecision {
  const caller = connection.caller;
  let sameSession = 0;
  let samePerson = 0;
  let samePass = 0;
  let editors = 0;
  let watchers = 0;
  let nonModeratorEditors = 0;
  for (const other of others) {
    if (other.caller.sessionId === caller.sessionId) sameSession += 1;
    if (caller.kind === 'user' && other.caller.kind === 'user' && other.caller.user.id === caller.user.id)
      samePerson += 1;
    if (caller.kind === 'visitor' && other.caller.kind === 'visitor' && other.caller.passId === caller.passId)
      samePass += 1;
    if (!other.canEdit) watchers += 1;
    else {
      editors += 1;
      if (!can(other.role, 'room.moderate')) nonModeratorEditors += 1;
    }
  }
  if (sameSession >= caps.perSession)
    return share('this browser already has its share of connections to this document');
  if (samePerson >= caps.perUser) return share('you already have your share of connections to this document');
  if (samePass >= caps.perPass)
    return share('this visitor pass already has its share of connections to this document');
  if (!connection.canEdit) return watchers >= caps.maxWatchers ? full() : { ok: true };
  if (editors >= caps.maxEditors) return full();
  const reserve = Math.floor(caps.maxEditors * COLLAB_LIMITS.facilitatorReserveFraction);
  if (!can(connection.role, 'room.moderate') && nonModeratorEditors >= caps.maxEditors - reserve)
    return full();
  return { ok: true };
}

function share(reason: string): ShareDecision {
  return { ok: false, code: CLOSE_CODES.connectionShare, reason };
}

function full(): ShareDecision {
  return { ok: false, code: CLOSE_CODES.roomFull, reason: 'this document has too many connections' };
}
