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
   * `savedClock`-th update message, is durably stored.
   */
  saved: 101,
  /** server → subscribed client: varString JSON of {@link CollabStatus}. */
  status: 102,
} as const;

/** Document-level state the server tells subscribed clients about. */
export interface CollabStatus {
  /** The caller's access on this connection. */
  access: 'edit' | 'view';
  /** `ok`, or `storage-retrying` while writes to the database are failing and being retried, or `full` at the size cap. */
  storage: 'ok' | 'storage-retrying' | 'full';
  /** Number of read-only watchers (visitors appear only as this headcount). */
  watchers: number;
}
