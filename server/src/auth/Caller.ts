/** Who is making a request: a signed-in user, or an open-day visitor confined to one room. */
export type Caller = UserCaller | VisitorCaller;

export interface UserCaller {
  kind: 'user';
  sessionId: string;
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
  expiresAt: Date;
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
