/** Who is making a request: a signed-in user, or an open-day visitor confined to one room. */
export type Caller = UserCaller | VisitorCaller;

export interface UserCaller {
  kind: 'user';
  sessionId: string;
  /** When the session ends at the latest (absolute expiry); open connections must close by then. */
  expiresAt: Date;
  user: {
    id: string;
    email: string;
    displayName: string;
    /** Set only once the organisation's admins have confirmed the person works there. */
    organisation: { id: string; name: string } | null;
  };
}

export interface VisitorCaller {
  kind: 'visitor';
  sessionId: string;
  visitor: { id: string; displayName: string };
  passId: string;
  roomId: string;
  /** When the visit ends at the latest (the earlier of the session's and the pass's expiry). */
  expiresAt: Date;
  /** For an open-day registration's pass: its open day and the live window in which the room admits it. */
  openDay?: { id: string; liveFrom: Date; liveUntil: Date } | null;
}

/** The identity shown to other people (presence, message authors). */
export function callerIdentity(caller: Caller): {
  id: string;
  displayName: string;
  organisation: { id: string; name: string } | null;
} {
  return caller.kind === 'user'
    ? { id: caller.user.id, displayName: caller.user.displayName, organisation: caller.user.organisation }
    : { id: caller.visitor.id, displayName: caller.visitor.displayName, organisation: null };
}
