import { SOCKET_EVENTS, type MessageAuthor } from '@common-ground/shared';
import type { StoredMessage } from '../queries/messageHistory.ts';
import type { Logger } from '../logger.ts';
import type { NotificationRecord } from '../models/Notification.ts';
import { presentMessage } from '../presenters/presentMessage.ts';
import { presentNotification } from '../presenters/presentNotification.ts';
import { moderatorChannel, roomChannel, userChannel } from './channels.ts';
import type { DiscussionServer } from './socketTypes.ts';

const PRESENCE_DEBOUNCE_MS = 300;

/**
 * Sends discussion events to Socket.IO rooms. Everything goes through `io.to(channel)`, so adding a cluster adapter
 * (Redis) later delivers to sockets on every instance without changing this class.
 */
export class DiscussionBroadcaster {
  private readonly presenceTimers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly io: DiscussionServer,
    private readonly logger: Logger,
  ) {}

  /**
   * A new message, to everyone in the room but the socket that sent it, which has it in its acknowledgement (new
   * messages are never hidden, so all see the same copy). The sender's other tabs still get it here.
   */
  messageNew(message: StoredMessage, senderSocketId: string): void {
    this.io
      .to(roomChannel(String(message.roomId)))
      .except(senderSocketId)
      .emit(SOCKET_EVENTS.messageNew, {
        message: presentMessage(message, { canModerate: false }),
      });
  }

  /** A changed message: moderators get the full copy, everyone else a copy without a hidden message's text. */
  messageUpdated(message: StoredMessage): void {
    const roomId = String(message.roomId);
    if (message.hidden) {
      this.io
        .to(roomChannel(roomId))
        .except(moderatorChannel(roomId))
        .emit(SOCKET_EVENTS.messageUpdated, { message: presentMessage(message, { canModerate: false }) });
      this.io
        .to(moderatorChannel(roomId))
        .emit(SOCKET_EVENTS.messageUpdated, { message: presentMessage(message, { canModerate: true }) });
    } else {
      this.io
        .to(roomChannel(roomId))
        .emit(SOCKET_EVENTS.messageUpdated, { message: presentMessage(message, { canModerate: false }) });
    }
  }

  /** Notifications, to each person's own sockets on every tab and device. */
  notify(notifications: NotificationRecord[]): void {
    for (const notification of notifications) {
      this.io.to(userChannel(String(notification.userId))).emit(SOCKET_EVENTS.notificationNew, {
        notification: presentNotification(notification),
      });
    }
  }

  /** Tells a room who is in it, at most a few times a second however many people come and go. */
  presenceChanged(roomId: string): void {
    if (this.presenceTimers.has(roomId)) return;
    const timer = setTimeout(() => {
      this.presenceTimers.delete(roomId);
      void this.sendPresence(roomId).catch((error: unknown) =>
        this.logger.warn({ err: error, roomId }, 'presence failed'),
      );
    }, PRESENCE_DEBOUNCE_MS);
    timer.unref();
    this.presenceTimers.set(roomId, timer);
  }

  private async sendPresence(roomId: string): Promise<void> {
    const sockets = await this.io.in(roomChannel(roomId)).fetchSockets();
    const people = new Map<string, MessageAuthor>();
    const visitors = new Map<string, string>();
    for (const socket of sockets) {
      const { visitor, ...person } = socket.data.identity;
      if (visitor) visitors.set(person.id, person.displayName);
      else people.set(person.id, person);
    }
    const presence = {
      roomId,
      people: [...people.values()].sort((a, b) => a.displayName.localeCompare(b.displayName)),
      visitors: visitors.size,
    };
    // Everyone sees the headcount; facilitators also see who the visitors said they are.
    this.io.to(roomChannel(roomId)).except(moderatorChannel(roomId)).emit(SOCKET_EVENTS.presence, presence);
    this.io.to(moderatorChannel(roomId)).emit(SOCKET_EVENTS.presence, {
      ...presence,
      visitorNames: [...visitors.values()].sort((a, b) => a.localeCompare(b)),
    });
  }

  /** Cancels pending presence updates. */
  stop(): void {
    for (const timer of this.presenceTimers.values()) clearTimeout(timer);
    this.presenceTimers.clear();
  }
}
