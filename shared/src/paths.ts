/** The WebSocket path prefix reserved for Yjs collaboration (`/collab/:documentId`). */
export const COLLAB_PATH = '/collab';

/** Socket.IO's path on the shared HTTP server. */
export const SOCKET_IO_PATH = '/socket.io';

/** Name of the session cookie for signed-in users and open-day visitors alike. */
export const SESSION_COOKIE = 'cg_session';

/** Where the visit page lives; visitor-pass links point here. */
export const visitPath = (token: string): string => `/visit/${encodeURIComponent(token)}`;

/** Where the JSON API is mounted; every table path under it starts with `${API_PREFIX}/`. */
export const API_PREFIX = '/api';
