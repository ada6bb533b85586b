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

/** The public page of an open day, where people register (the registration link a host shares). */
export const openDayPath = (slug: string): string => `/open-days/${encodeURIComponent(slug)}`;

/** Where an emailed open-day pass link points; the token sits in the fragment, so it never reaches a server log. */
export const openDayPassPath = (token: string): string => `/open-day-pass#token=${encodeURIComponent(token)}`;

/** Where the emailed "give up my place" link points. */
export const openDayCancelPath = (token: string): string =>
  `/open-day-cancel#token=${encodeURIComponent(token)}`;
