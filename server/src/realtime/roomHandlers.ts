import {
  can,
  DISCUSSION_LIMITS,
  readMarkPayloadSchema,
  roomJoinPayloadSchema,
  roomRefPayloadSchema,
  SOCKET_EVENTS,
  typingPayloadSchema,
  type RoomJoinResult,
} from '@common-ground/shared';
import type { ConnectionAccess } from '../access/ConnectionAccess.ts';
import { markRead } from '../commands/messages/readMarker.ts';
import type { Logger } from '../logger.ts';
import { authorize } from '../policies/authorize.ts';
import { loadRoomForCaller } from '../policies/roomPolicy.ts';
import { presentMessage } from '../presenters/presentMessage.ts';
import { latestSequence, readChanges, readMessages } from '../queries/messageHistory.ts';
import { readStateFor } from '../queries/readState.ts';
import { moderatorChannel, roomChannel } from './channels.ts';
import { leaveMeetingChannels } from './meetingChannels.ts';
import type { DiscussionBroadcaster } from './DiscussionBroadcaster.ts';
import { socketHandler } from './socketHandler.ts';
import type { DiscussionSocket } from './socketTypes.ts';

/** Puts a socket in a room's channels for its role (moderators also get hidden messages' text). */
export function placeInRoom(
  socket: DiscussionSocket,
  roomId: string,
  communityId: string,
  role: RoomJoinResult['role'],
): void {
  void socket.join(roomChannel(roomId));
  if (can(role, 'room.moderate')) void socket.join(moderatorChannel(roomId));
  else void socket.leave(moderatorChannel(roomId));
  socket.data.rooms[roomId] = { communityId, role };
}

/** Takes a socket out of a room's channels. */
export function removeFromRoom(socket: DiscussionSocket, roomId: string): void {
  void socket.leave(roomChannel(roomId));
  void socket.leave(moderatorChannel(roomId));
  delete socket.data.rooms[roomId];
  for (const [meetingId, meetingRoomId] of Object.entries(socket.data.meetings)) {
    if (meetingRoomId !== roomId) continue;
    leaveMeetingChannels(socket, meetingId);
  }
}

/** Joining, leaving, typing and read markers. */
export function registerRoomHandlers(
  socket: DiscussionSocket,
  broadcaster: DiscussionBroadcaster,
  access: Pick<ConnectionAccess, 'mark' | 'changedSince'>,
  logger: Logger,
): void {
  const { caller } = socket.data;
  const userId = caller.kind === 'user' ? caller.user.id : null;

  socket.on(
    SOCKET_EVENTS.roomJoin,
    socketHandler(
      logger,
      SOCKET_EVENTS.roomJoin,
      roomJoinPayloadSchema,
      async ({ roomId, after = 0, changesAfter }) => {
        const authorisedFrom = access.mark();
        let { room, role } = await loadRoomForCaller(caller, roomId);
        authorize(role, 'discussion.read');
        // Join before reading, so anything stored while we read is either in the page or delivered live.
        placeInRoom(socket, roomId, String(room.communityId), role);
        if (access.changedSince(authorisedFrom, caller)) {
          // An access change arrived while the policy was being asked, before this socket was in the room to recheck.
          removeFromRoom(socket, roomId);
          ({ room, role } = await loadRoomForCaller(caller, roomId));
          authorize(role, 'discussion.read');
          placeInRoom(socket, roomId, String(room.communityId), role);
        }
        broadcaster.presenceChanged(roomId);
        const canModerate = can(role, 'room.moderate');
        const limit = DISCUSSION_LIMITS.pageSize;
        const [page, latest, readState, changes] = await Promise.all([
          readMessages(roomId, after, limit),
          latestSequence(roomId),
          readStateFor(userId, roomId),
          changesAfter === undefined ? null : readChanges(roomId, changesAfter, limit),
        ]);
        return {
          role,
          messages: page.messages.map((message) => presentMessage(message, { canModerate })),
          hasMore: page.hasMore,
          latestSeq: latest.latestSeq,
          changes: changes?.messages.map((message) => presentMessage(message, { canModerate })) ?? [],
          changesHaveMore: changes?.hasMore ?? false,
          latestChangeSeq: changes ? changes.lastChangeSeq : latest.latestChangeSeq,
          readState,
        } satisfies RoomJoinResult;
      },
    ),
  );

  socket.on(
    SOCKET_EVENTS.roomLeave,
    socketHandler(
      logger,
      SOCKET_EVENTS.roomLeave,
      roomRefPayloadSchema,
      async ({ roomId }) => {
        removeFromRoom(socket, roomId);
        broadcaster.presenceChanged(roomId);
        return {};
      },
      { ackRequired: false },
    ),
  );

  let lastTyping = 0;
  socket.on(
    SOCKET_EVENTS.typing,
    socketHandler(
      logger,
      SOCKET_EVENTS.typing,
      typingPayloadSchema,
      async ({ roomId, threadId }) => {
        const joined = socket.data.rooms[roomId];
        // The role was checked by the policy at join and is re-checked on every access change.
        if (
          !joined ||
          !can(joined.role, 'discussion.post') ||
          Date.now() - lastTyping < DISCUSSION_LIMITS.typingIntervalMs / 2
        )
          return {};
        lastTyping = Date.now();
        socket
          .to(roomChannel(roomId))
          .emit(SOCKET_EVENTS.typing, { roomId, threadId: threadId ?? null, person: socket.data.identity });
        return {};
      },
      { ackRequired: false },
    ),
  );

  socket.on(
    SOCKET_EVENTS.readMark,
    socketHandler(
      logger,
      SOCKET_EVENTS.readMark,
      readMarkPayloadSchema,
      async ({ roomId, threadId, seq }) => {
        const { role } = await loadRoomForCaller(caller, roomId);
        authorize(role, 'discussion.read');
        if (userId) await markRead(userId, roomId, threadId, seq);
        return {};
      },
      { ackRequired: false },
    ),
  );
}
