import type { z } from 'zod';
import {
  actionUpdatePayloadSchema,
  mayWriteAction,
  meetingBidPayloadSchema,
  meetingClockPayloadSchema,
  meetingRefPayloadSchema,
  meetingStagePayloadSchema,
  meetingTimerPayloadSchema,
  questionHelpfulPayloadSchema,
  SOCKET_EVENTS,
  type ClientEvent,
  type ClientEventPayload,
  type MeetingAbilities,
  type MeetingStateEvent,
} from '@common-ground/shared';
import { isValidObjectId } from 'mongoose';
import { writeAction, reviseAction } from '../commands/meetings/actionWriter.ts';
import { recordPresence } from '../commands/meetings/attendanceRecorder.ts';
import { placeBid } from '../commands/meetings/bidPlacer.ts';
import { markHelpful } from '../commands/meetings/helpfulQuestions.ts';
import { oneAtATime } from '../commands/meetings/oneAtATime.ts';
import {
  changeClock,
  endMeeting,
  moveToStage,
  setClockHidden,
  startMeeting,
} from '../commands/meetings/meetingRunner.ts';
import { AppError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { MeetingRecord } from '../models/Meeting.ts';
import { MeetingActionModel } from '../models/MeetingAction.ts';
import { authorizeMeeting, loadMeetingForCaller, requireAgreed } from '../policies/meetingPolicy.ts';
import { presentMeetingFor } from '../presenters/presentMeeting.ts';
import { presentActions, presentBids } from '../presenters/presentMeetingParts.ts';
import { actionsForMeeting, bidsOf, helpfulQuestionIds } from '../queries/meetings.ts';
import type { DiscussionBroadcaster } from './DiscussionBroadcaster.ts';
import { leaveMeetingChannels, meetingChannel, meetingPersonChannel } from './meetingChannels.ts';
import type { MeetingBroadcaster } from './MeetingBroadcaster.ts';
import { placeInRoom } from './roomHandlers.ts';
import { socketHandler } from './socketHandler.ts';
import type { DiscussionSocket } from './socketTypes.ts';

const ONLY_RUNNER = 'Only whoever runs this meeting can do that.';

type RunnerEvent = 'meeting:start' | 'meeting:stage' | 'meeting:timer' | 'meeting:end' | 'meeting:clock';

/**
 * A learning set's meeting over Socket.IO: joining (the ground rules agreed first), the runner's events, the
 * presenter's clock, members' bids and their own actions. Every event asks the meeting policy afresh from MongoDB,
 * so any instance serves any client and a role change applies to the next event.
 */
export function registerMeetingHandlers(
  socket: DiscussionSocket,
  discussion: DiscussionBroadcaster,
  meetings: MeetingBroadcaster,
  logger: Logger,
): void {
  const { caller } = socket.data;
  const load = (meetingId: string) => loadMeetingForCaller(caller, meetingId);

  /** The people in a live meeting's channel count as present. */
  const recordEveryonePresent = async (meeting: MeetingRecord) => {
    const sockets = await socket.nsp.in(meetingChannel(String(meeting._id))).fetchSockets();
    const present = sockets.flatMap((peer) =>
      peer.data.caller.kind === 'user' ? [peer.data.caller.user.id] : [],
    );
    await recordPresence(meeting, present);
  };

  socket.on(
    SOCKET_EVENTS.meetingJoin,
    socketHandler(logger, SOCKET_EVENTS.meetingJoin, meetingRefPayloadSchema, async ({ meetingId }) => {
      const { meeting, room, viewer } = await load(meetingId);
      requireAgreed(viewer);
      // The set's room channels carry access changes: leaving the room (removal, role loss) leaves the meeting too.
      placeInRoom(socket, String(room._id), String(room.communityId), viewer.role!);
      void socket.join(meetingChannel(meetingId));
      void socket.join(meetingPersonChannel(meetingId, viewer.id));
      socket.data.meetings[meetingId] = String(room._id);
      discussion.presenceChanged(String(room._id));
      if (meeting.status === 'live') await recordPresence(meeting, [viewer.id]);
      const [bids, actions, helpfulMessageIds] = await Promise.all([
        bidsOf(meetingId).then(presentBids),
        actionsForMeeting(meeting).then(presentActions),
        helpfulQuestionIds(meetingId),
      ]);
      return {
        meeting: presentMeetingFor(meeting, viewer),
        bids,
        actions,
        now: new Date().toISOString(),
        helpfulMessageIds,
      };
    }),
  );

  socket.on(
    SOCKET_EVENTS.meetingLeave,
    socketHandler(
      logger,
      SOCKET_EVENTS.meetingLeave,
      meetingRefPayloadSchema,
      async ({ meetingId }) => {
        leaveMeetingChannels(socket, meetingId);
        return {};
      },
      { ackRequired: false },
    ),
  );

  /** Registers an event that changes the meeting's state, allowed when `allowed(abilities)` says so. */
  const stateEvent = <E extends RunnerEvent>(
    event: E,
    schema: z.ZodType<ClientEventPayload<E>>,
    allowed: (abilities: MeetingAbilities) => boolean,
    reason: string,
    change: (meeting: MeetingRecord, payload: ClientEventPayload<E>) => Promise<MeetingRecord>,
  ) => {
    socket.on(
      event as ClientEvent,
      socketHandler(logger, event, schema, async (payload) => {
        const { meetingId } = payload as { meetingId: string };
        const { changed, viewer } = await oneAtATime(meetingId, async () => {
          const { meeting, viewer, abilities } = await load(meetingId);
          authorizeMeeting(viewer, allowed(abilities), reason);
          return { changed: await change(meeting, payload), viewer };
        });
        const now = new Date();
        meetings.stateChanged(changed, now);
        return {
          meeting: presentMeetingFor(changed, viewer),
          now: now.toISOString(),
        } satisfies MeetingStateEvent as never;
      }),
    );
  };

  stateEvent(
    SOCKET_EVENTS.meetingStart,
    meetingRefPayloadSchema,
    (may) => may.run,
    ONLY_RUNNER,
    async (meeting) => {
      const started = await startMeeting(meeting);
      await recordEveryonePresent(started);
      return started;
    },
  );
  stateEvent(
    SOCKET_EVENTS.meetingStage,
    meetingStagePayloadSchema,
    (may) => may.run,
    ONLY_RUNNER,
    (meeting, { stageId }) => moveToStage(meeting, stageId),
  );
  stateEvent(
    SOCKET_EVENTS.meetingTimer,
    meetingTimerPayloadSchema,
    (may) => may.run,
    ONLY_RUNNER,
    (meeting, payload) => changeClock(meeting, payload),
  );
  stateEvent(
    SOCKET_EVENTS.meetingEnd,
    meetingRefPayloadSchema,
    (may) => may.run,
    ONLY_RUNNER,
    (meeting) => endMeeting(meeting),
  );
  stateEvent(
    SOCKET_EVENTS.meetingClock,
    meetingClockPayloadSchema,
    (may) => may.hideClock,
    'Only the presenter can hide the clock, during their own slot.',
    (meeting, { hidden }) => setClockHidden(meeting, hidden),
  );

  socket.on(
    SOCKET_EVENTS.meetingBid,
    socketHandler(logger, SOCKET_EVENTS.meetingBid, meetingBidPayloadSchema, async (payload) => {
      const { meeting, viewer, abilities } = await load(payload.meetingId);
      authorizeMeeting(viewer, abilities.participate, 'Only the set’s members bid for time.');
      const bid = await placeBid(meeting, viewer.id, payload);
      await meetings.bidsChanged(payload.meetingId);
      const [presented] = await presentBids([bid]);
      return { bid: presented! };
    }),
  );

  socket.on(
    SOCKET_EVENTS.actionUpdate,
    socketHandler(logger, SOCKET_EVENTS.actionUpdate, actionUpdatePayloadSchema, async (payload) => {
      const { meeting, viewer, abilities } = await load(payload.meetingId);
      requireAgreed(viewer);
      const existing = payload.actionId
        ? await MeetingActionModel.findOne({ _id: payload.actionId, roomId: meeting.roomId })
        : null;
      if (payload.actionId && !existing) throw new AppError('not_found', 'Action not found.');
      authorizeMeeting(
        viewer,
        abilities.participate &&
          mayWriteAction(viewer, existing ? { ownerId: String(existing.ownerId) } : null),
        'Only its owner writes an action, while the meeting runs.',
      );
      const action = existing
        ? await reviseAction(meeting, existing, payload)
        : await writeAction(meeting, viewer.id, payload.text!);
      await meetings.actionChanged(payload.meetingId, action);
      const [presented] = await presentActions([action]);
      return { action: presented! };
    }),
  );

  socket.on(
    SOCKET_EVENTS.questionHelpful,
    socketHandler(logger, SOCKET_EVENTS.questionHelpful, questionHelpfulPayloadSchema, async (payload) => {
      const { meeting, viewer, abilities } = await load(payload.meetingId);
      authorizeMeeting(viewer, abilities.markHelpful, 'Only the presenter marks the questions that helped.');
      if (!isValidObjectId(payload.messageId)) throw new AppError('not_found', 'Question not found.');
      await markHelpful(meeting, viewer.id, payload.messageId, payload.helpful);
      const helpfulMessageIds = await helpfulQuestionIds(payload.meetingId);
      meetings.helpfulChanged(payload.meetingId, helpfulMessageIds);
      return { helpfulMessageIds };
    }),
  );
}
