/**
 * WebSocket close codes used by the collaboration endpoint (`/collab/:documentId`). 4000–4999 are application codes;
 * clients should not reconnect automatically after 4401, 4403, 4404 or 4410. Stock y-websocket v3 clients stop
 * reconnecting after any 4400–4499 code.
 */
export const CLOSE_CODES = {
  /** Normal closure (server shutting down cleanly or document unloaded). Clients may reconnect. */
  normal: 1000,
  /** Server is going away (restart or shutdown); reconnect shortly. */
  goingAway: 1001,
  /** A frame over the maximum frame size (`ws` closes with this before buffering the frame). */
  messageTooBig: 1009,
  /**
   * A frame that is not valid y-websocket protocol, or an update that decodes but cannot be applied to the document
   * (checked on a scratch copy; it is never stored).
   */
  malformed: 4400,
  /** The session ended (signed out, expired). */
  unauthenticated: 4401,
  /** Access was withdrawn while connected (removed from the community, role lowered below view). */
  forbidden: 4403,
  /** The document does not exist or the caller may not see it. */
  notFound: 4404,
  /** Awareness sent repeatedly for a client id that another connection owns. */
  awarenessConflict: 4409,
  /** The visitor pass was revoked or expired. */
  passRevoked: 4410,
  /**
   * An awareness state larger than `COLLAB_LIMITS.maxAwarenessStateBytes` (frames over the maximum frame size close
   * with 1009 instead).
   */
  tooLarge: 4413,
  /**
   * An update that nests content deeper than `COLLAB_LIMITS.maxNestingDepth`; it is refused, never stored or relayed.
   */
  tooDeep: 4422,
  /** Too many updates per second from this connection. */
  rateLimited: 4429,
  /** The document has too many connections (the last slots are kept for facilitators). */
  roomFull: 4430,
  /**
   * The document is at its size cap, measured on the state it actually holds: an update that would leave it over the
   * cap is refused (never stored or relayed) and the editor that sent it is closed with this code; everyone keeps
   * reading, status `full` is sent, and deleting content (or a facilitator restoring a version) makes room again.
   */
  documentFull: 4431,
  /**
   * This session, person or visitor pass already holds its share of the document's connections
   * (`COLLAB_LIMITS.maxConnectionsPerSession`, `maxConnectionsPerUser`, `maxConnectionsPerPass`); close another tab.
   */
  connectionShare: 4432,
  /** Storage failed repeatedly; the client keeps its changes and should reconnect later. */
  storageUnavailable: 4503,
} as const;
export type CloseCode = (typeof CLOSE_CODES)[keyof typeof CLOSE_CODES];
