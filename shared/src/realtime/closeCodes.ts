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
  /** A frame that is not valid y-websocket protocol. */
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
  /** Reserved: a frame larger than the maximum frame size (the server currently closes those with 1009). */
  tooLarge: 4413,
  /** Too many updates per second from this connection. */
  rateLimited: 4429,
  /** The document has too many connections. */
  roomFull: 4430,
  /**
   * The document reached its size cap: the update that would pass the cap is refused (never stored or relayed) and
   * the editor that sent it is closed with this code; everyone keeps reading, and status `full` is sent.
   */
  documentFull: 4431,
  /** Storage failed repeatedly; the client keeps its changes and should reconnect later. */
  storageUnavailable: 4503,
} as const;
export type CloseCode = (typeof CLOSE_CODES)[keyof typeof CLOSE_CODES];
