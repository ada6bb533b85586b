import {
  can,
  messageDeletePayloadSchema,
  messageEditPayloadSchema,
  messageHidePayloadSchema,
  messageSendPayloadSchema,
  SOCKET_EVENTS,
  threadUpdatePayloadSchema,
  type MessageDeletePayload,
  type MessageEditPayload,
  type MessageHidePayload,
  type ThreadUpdatePayload,
} from '@common-ground/shared';
import {
  deleteMessage,
  editMessage,
  hideMessage,
  updateThread,
} from '../commands/messages/messageChanger.ts';
import type { StoredMessage } from '../commands/messages/messageHistory.ts';
import { sendMessage, type DiscussionActor } from '../commands/messages/messageSender.ts';
import type { Env } from '../env.ts';
import type { Logger } from '../logger.ts';
import {
  authorizeHide,
  authorizeOwnChange,
  authorizeSend,
  authorizeThreadUpdate,
} from '../policies/messagePolicy.ts';
import { loadRoomForCaller } from '../policies/roomPolicy.ts';
import { presentMessage } from '../presenters/presentMessage.ts';
import type { DiscussionBroadcaster } from './DiscussionBroadcaster.ts';
import { placeInRoom } from './roomHandlers.ts';
import { socketHandler } from './socketHandler.ts';
import type { DiscussionSocket } from './socketTypes.ts';

/** Posting and changing messages; the policy is asked afresh on every event, so a lowered role applies at once. */
export function registerMessageHandlers(
  socket: DiscussionSocket,
  broadcaster: DiscussionBroadcaster,
  env: Pick<Env, 'DISABLE_RATE_LIMITS'>,
  logger: Logger,
): void {
  const { caller } = socket.data;

  async function actorFor(roomId: string): Promise<DiscussionActor> {
    const { room, role } = await loadRoomForCaller(caller, roomId);
    const joined = socket.data.rooms[roomId];
    if (joined && joined.role !== role) placeInRoom(socket, roomId, joined.communityId, role);
    return { caller, room, role };
  }

  const reply = (actor: DiscussionActor, message: StoredMessage) => ({
    message: presentMessage(message, { canModerate: can(actor.role, 'room.moderate') }),
  });

  socket.on(
    SOCKET_EVENTS.messageSend,
    socketHandler(logger, SOCKET_EVENTS.messageSend, messageSendPayloadSchema, async (payload) => {
      const actor = await actorFor(payload.roomId);
      await authorizeSend(actor, payload);
      const result = await sendMessage(actor, payload, env);
      if (result.created) {
        broadcaster.messageNew(result.message);
        broadcaster.notify(result.notifications);
      }
      return reply(actor, result.message);
    }),
  );

  // Each change: the policy loads the message or thread and asks its shared rules, then the command applies it.
  const changeHandlers = [
    [
      SOCKET_EVENTS.messageEdit,
      messageEditPayloadSchema,
      async (actor: DiscussionActor, payload: MessageEditPayload) =>
        editMessage(actor, await authorizeOwnChange(actor, payload, 'edit'), payload),
    ],
    [
      SOCKET_EVENTS.messageDelete,
      messageDeletePayloadSchema,
      async (actor: DiscussionActor, payload: MessageDeletePayload) =>
        deleteMessage(await authorizeOwnChange(actor, payload, 'delete'), payload),
    ],
    [
      SOCKET_EVENTS.messageHide,
      messageHidePayloadSchema,
      async (actor: DiscussionActor, payload: MessageHidePayload) => {
        await authorizeHide(actor, payload);
        return hideMessage(actor, payload);
      },
    ],
    [
      SOCKET_EVENTS.threadUpdate,
      threadUpdatePayloadSchema,
      async (actor: DiscussionActor, payload: ThreadUpdatePayload) =>
        updateThread(await authorizeThreadUpdate(actor, payload), payload),
    ],
  ] as const;
  for (const [event, schema, change] of changeHandlers) {
    socket.on(
      event,
      socketHandler(logger, event, schema, async (payload: { roomId: string }) => {
        const actor = await actorFor(payload.roomId);
        const message = await (
          change as (actor: DiscussionActor, payload: unknown) => Promise<StoredMessage>
        )(actor, payload);
        broadcaster.messageUpdated(message);
        return reply(actor, message);
      }),
    );
  }
}
