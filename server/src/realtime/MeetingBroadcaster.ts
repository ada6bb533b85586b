import { currentPresenterId, SOCKET_EVENTS } from '@common-ground/shared';
import type { MeetingRecord } from '../models/Meeting.ts';
import { presentMeeting } from '../presenters/presentMeeting.ts';
import { presentActions, presentBids } from '../presenters/presentMeetingParts.ts';
import { bidsOf } from '../queries/meetings.ts';
import type { MeetingActionRecord } from '../models/MeetingAction.ts';
import { meetingChannel, meetingPersonChannel } from './meetingChannels.ts';
import type { DiscussionServer } from './socketTypes.ts';

/**
 * Sends meeting events to everyone who joined the meeting, on every instance (`io.to(channel)` goes through the Redis
 * streams adapter). Built before the routes and given the Socket.IO server once it exists, so HTTP changes and socket
 * events announce alike.
 */
export class MeetingBroadcaster {
  private io: DiscussionServer | null = null;

  /** Gives the broadcaster its Socket.IO server. */
  attach(io: DiscussionServer): void {
    this.io = io;
  }

  /**
   * `meeting:state` after every change, with the server's `now`. While the presenter hides the clock, everyone else
   * gets the meeting without its timer, so no remaining time reaches their screens.
   */
  stateChanged(meeting: MeetingRecord, now = new Date()): void {
    if (!this.io) return;
    const id = String(meeting._id);
    const full = presentMeeting(meeting, { seeClock: true });
    const presenterId = currentPresenterId(full);
    if (meeting.clockHidden && presenterId) {
      const hidden = presentMeeting(meeting, { seeClock: false });
      this.io
        .to(meetingChannel(id))
        .except(meetingPersonChannel(id, presenterId))
        .emit(SOCKET_EVENTS.meetingState, { meeting: hidden, now: now.toISOString() });
      this.io
        .to(meetingPersonChannel(id, presenterId))
        .emit(SOCKET_EVENTS.meetingState, { meeting: full, now: now.toISOString() });
      return;
    }
    this.io
      .to(meetingChannel(id))
      .emit(SOCKET_EVENTS.meetingState, { meeting: full, now: now.toISOString() });
  }

  /** `meeting:bids` with the meeting's bids as they now stand. */
  async bidsChanged(meetingId: string): Promise<void> {
    if (!this.io) return;
    const bids = await presentBids(await bidsOf(meetingId));
    this.io.to(meetingChannel(meetingId)).emit(SOCKET_EVENTS.meetingBids, { meetingId, bids });
  }

  /** `action:updated` to everyone at the meeting where it was written or answered. */
  async actionChanged(meetingId: string, action: MeetingActionRecord): Promise<void> {
    if (!this.io) return;
    const [presented] = await presentActions([action]);
    this.io.to(meetingChannel(meetingId)).emit(SOCKET_EVENTS.actionUpdated, { action: presented! });
  }

  /** `questions:helpful` with the questions the presenter marked. */
  helpfulChanged(meetingId: string, helpfulMessageIds: string[]): void {
    this.io
      ?.to(meetingChannel(meetingId))
      .emit(SOCKET_EVENTS.questionsHelpful, { meetingId, helpfulMessageIds });
  }
}
