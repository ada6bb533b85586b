import {
  can,
  messageDeletePayloadSchema,
  messageEditPayloadSchema,
  messageHidePayloadSchema,
  messageSendPayloadSchema,
  SOCKET_EVENTS,
  threadUpdatePayloadSchema,
} from '@common-ground/shared';
import {
  deleteMessage,
  editMessage,
  hideMessage,
  updateThread,
} from '../commands/messages/messageChanger.ts';
import { emailMentions } from '../commands/messages/mentionEmailer.ts';
import { sendMessage, type DiscussionActor } from '../commands/messages/messageSender.ts';
import type { Env } from '../env.ts';
import type { Logger } from '../logger.ts';
import type { Mailer } from '../mail/Mailer.ts';
import { sendInBackground } from '../mail/sendInBackground.ts';
import {
  authorizeHide,
  authorizeOwnChange,
  authorizeSend,
  authorizeThreadUpdate,
} from '../policies/messagePolicy.ts';
import type { StoredMessage } from '../queries/messageHistory.ts';
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
  mail: { mailer: Mailer; origin: string },
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
        // The sender gets the message in this acknowledgement, so the room broadcast skips its socket.
        broadcaster.messageNew(result.message, socket.id);
        broadcaster.notify(result.notifications);
        const { notifications } = result;
        sendInBackground(logger, 'mention', () =>
          emailMentions(mail.mailer, notifications, actor.room, mail.origin),
        );
      }
      return reply(actor, result.message);
    }),
  );

  const changed = (actor: DiscussionActor, message: StoredMessage) => {
    broadcaster.messageUpdated(message);
    return reply(actor, message);
  };
  // Each change: the policy loads the message or thread and asks its shared rules, then the command applies it.
  socket.on(
    SOCKET_EVENTS.messageEdit,
    socketHandler(logger, SOCKET_EVENTS.messageEdit, messageEditPayloadSchema, async (payload) => {
      const actor = await actorFor(payload.roomId);
      const message = await authorizeOwnChange(actor, payload, 'edit');
      return changed(actor, await editMessage(actor, message, payload));
    }),
  );
  socket.on(
    SOCKET_EVENTS.messageDelete,
    socketHandler(logger, SOCKET_EVENTS.messageDelete, messageDeletePayloadSchema, async (payload) => {
      const actor = await actorFor(payload.roomId);
      const message = await authorizeOwnChange(actor, payload, 'delete');
      return changed(actor, await deleteMessage(message, payload));
    }),
  );
  socket.on(
    SOCKET_EVENTS.messageHide,
    socketHandler(logger, SOCKET_EVENTS.messageHide, messageHidePayloadSchema, async (payload) => {
      const actor = await actorFor(payload.roomId);
      await authorizeHide(actor, payload);
      return changed(actor, await hideMessage(actor, payload));
    }),
  );
  socket.on(
    SOCKET_EVENTS.threadUpdate,
    socketHandler(logger, SOCKET_EVENTS.threadUpdate, threadUpdatePayloadSchema, async (payload) => {
      const actor = await actorFor(payload.roomId);
      const thread = await authorizeThreadUpdate(actor, payload);
      return changed(actor, await updateThread(thread, payload));
    }),
  );
}
