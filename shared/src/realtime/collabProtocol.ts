/**
 * The name of the `Y.XmlFragment` that holds a learning document's body, using Tiptap's standard node names, so any
 * y-prosemirror client can open it.
 */
export const CONTENT_FIELD = 'content';

/**
 * Extensions to the y-websocket protocol that stock clients never see. The standard message types are 0 (sync),
 * 1 (awareness), 2 (auth) and 3 (query awareness). A client that wants persistence confirmations sends one
 * `subscribeSaved` message after connecting; only then does the server send it `saved` and `status` messages,
 * so stock clients (which log unknown types) never receive them.
 */
export const COLLAB_MESSAGE = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  /** client → server, no payload: "please confirm persistence to me". */
  subscribeSaved: 100,
  /**
   * server → subscribed client: varUint `savedClock`, meaning every update this connection sent, up to its
   * `savedClock`-th update message, is durably stored. Sync messages that carry operations (update and sync step 2)
   * count; sync step 1 does not. A connection that cannot edit always reads 0.
   */
  saved: 101,
  /**
   * server → subscribed client: varString JSON of a `CollabStatus` (schemas/collab.ts), sent after `subscribeSaved` and whenever a
   * field changes (watchers at most a few times a second).
   */
  status: 102,
} as const;

/**
 * The `user` field the server writes into every editor's awareness state, overwriting whatever the client sent.
 * `color` is spelt the way Tiptap's collaboration caret reads it; it is derived from the organisation id, so people
 * from one organisation share a colour.
 */
export interface CollabAwarenessUser {
  id: string;
  name: string;
  /** With `verified`, so a caret never shows a self-made organisation as if it were checked. */
  organisation: { id: string; name: string; verified: boolean } | null;
  color: string;
}
