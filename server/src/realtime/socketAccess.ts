import { SOCKET_EVENTS, type Role } from '@common-ground/shared';
import type { AccessAdapter } from '../access/ConnectionAccess.ts';
import { loadRoomForCaller } from '../policies/roomPolicy.ts';
import type { DiscussionBroadcaster } from './DiscussionBroadcaster.ts';
import { placeInRoom, removeFromRoom } from './roomHandlers.ts';
import type { DiscussionSocket } from './socketTypes.ts';

/** What a re-check changes for one joined room: the role the policy now gives, or null to leave it. */
interface RoomChange {
  roomId: string;
  communityId: string;
  role: Role | null;
}

/**
 * How a Socket.IO connection plugs into ConnectionAccess: a changed membership re-asks the room policy for each joined
 * room of that community (a removed member leaves it at once, a changed role takes effect), and an ended session or
 * pass disconnects the socket after telling it which rooms it lost.
 */
export function socketAccess(
  socket: DiscussionSocket,
  broadcaster: DiscussionBroadcaster,
): AccessAdapter<RoomChange[]> {
  return {
    get caller() {
      return socket.data.caller;
    },
    async recheck(cause) {
      const changes: RoomChange[] = [];
      for (const [roomId, joined] of Object.entries(socket.data.rooms)) {
        if (cause.type === 'membership.changed' && joined.communityId !== cause.communityId) continue;
        const access = await loadRoomForCaller(socket.data.caller, roomId).catch(() => null);
        if (!access) changes.push({ roomId, communityId: joined.communityId, role: null });
        else if (access.role !== joined.role)
          changes.push({ roomId, communityId: joined.communityId, role: access.role });
      }
      return changes;
    },
    apply(changes) {
      for (const { roomId, communityId, role } of changes) {
        if (!socket.data.rooms[roomId]) continue;
        if (role === null) {
          removeFromRoom(socket, roomId);
          socket.emit(SOCKET_EVENTS.roomAccess, { roomId, role: null });
          broadcaster.presenceChanged(roomId);
        } else {
          placeInRoom(socket, roomId, communityId, role);
          socket.emit(SOCKET_EVENTS.roomAccess, { roomId, role });
        }
      }
    },
    close() {
      for (const roomId of Object.keys(socket.data.rooms)) {
        socket.emit(SOCKET_EVENTS.roomAccess, { roomId, role: null });
        broadcaster.presenceChanged(roomId);
      }
      socket.disconnect(true);
    },
  };
}
