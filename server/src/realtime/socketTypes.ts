import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, MessageAuthor, Role, ServerToClientEvents } from '@common-ground/shared';
import type { Caller } from '../auth/Caller.ts';

/** Per-connection state; plain data so a cluster adapter can serialise it for `fetchSockets()`. */
export interface SocketData {
  caller: Caller;
  /** How others see this connection in presence. */
  identity: MessageAuthor & { visitor: boolean };
  /** Rooms this connection joined, with its community and the role the policy last gave it. */
  rooms: Record<string, { communityId: string; role: Role }>;
  /** Open days this connection joined live: as a host, or as a visitor with its registration and organisation. */
  openDays?: Record<string, OpenDaySocketStanding>;
  /** Meetings this connection joined, each with its learning set's room id (leaving the room leaves them). */
  meetings: Record<string, string>;
}

/** How a connection takes part in an open day it joined. */
export type OpenDaySocketStanding =
  | { kind: 'host' }
  | { kind: 'visitor'; registrationId: string; organisationName: string; organisationVerified: boolean };

/** The typed Socket.IO server. */
export type DiscussionServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;
/** One typed connection. */
export type DiscussionSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;
