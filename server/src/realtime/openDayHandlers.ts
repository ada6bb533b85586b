import {
  OPEN_DAY_LIMITS,
  openDayFollowPayloadSchema,
  openDayPositionPayloadSchema,
  openDayRefPayloadSchema,
  SOCKET_EVENTS,
} from '@common-ground/shared';
import { recordAttendance } from '../commands/openDays/attendanceRecorder.ts';
import { AppError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { OpenDayModel } from '../models/OpenDay.ts';
import { loadHostedOpenDay, loadPassForCaller, requirePassAbility } from '../policies/openDayPolicy.ts';
import { hostQueue, publicQuestions } from '../queries/openDays/openDayQuestions.ts';
import { openDayChannel, openDayFollowersChannel, openDayHostsChannel } from './channels.ts';
import type { OpenDayBroadcaster } from './OpenDayBroadcaster.ts';
import { socketHandler } from './socketHandler.ts';
import type { DiscussionSocket } from './socketTypes.ts';

const NOT_JOINED = 'Join the open day first.';

/**
 * The live open day: joining (visitors in the live window through their pass, hosts through 'openday.host'),
 * following the host (off by default), the host's position, and "where is the host". Visitors write nothing here.
 */
export function registerOpenDayHandlers(
  socket: DiscussionSocket,
  live: OpenDayBroadcaster,
  logger: Logger,
): void {
  const { caller } = socket.data;
  socket.data.openDays ??= {};
  const joined = socket.data.openDays;
  let positionWindowStart = 0;
  let positionsInWindow = 0;

  const heading = async (openDayId: string) =>
    live.lastHeading(openDayId) ??
    (await OpenDayModel.findById(openDayId, { hostHeadingId: 1 }).lean())?.hostHeadingId ??
    null;

  socket.on(
    SOCKET_EVENTS.openDayJoin,
    socketHandler(logger, SOCKET_EVENTS.openDayJoin, openDayRefPayloadSchema, async ({ openDayId }) => {
      if (caller.kind === 'visitor') {
        const pass = await loadPassForCaller(caller);
        if (String(pass.openDay._id) !== openDayId) throw new AppError('not_found', 'Open day not found.');
        requirePassAbility(pass, 'enterLiveRoom');
        joined[openDayId] = {
          kind: 'visitor',
          registrationId: String(pass.registration._id),
          organisationName: pass.registration.organisationName,
          organisationVerified: pass.registration.organisationVerified,
        };
        await socket.join(openDayChannel(openDayId));
        await recordAttendance(openDayId, String(pass.registration._id));
        live.presenceChanged(openDayId);
        return {
          questions: await publicQuestions(openDayId, caller.passId),
          watching: Math.max(1, live.lastWatching(openDayId)),
          hostHeadingId: await heading(openDayId),
          host: null,
        };
      }
      await loadHostedOpenDay(caller, openDayId);
      joined[openDayId] = { kind: 'host' };
      await socket.join([openDayChannel(openDayId), openDayHostsChannel(openDayId)]);
      return {
        questions: await publicQuestions(openDayId, null),
        watching: live.lastWatching(openDayId),
        hostHeadingId: await heading(openDayId),
        host: { queue: await hostQueue(openDayId), headcount: await live.headcount(openDayId) },
      };
    }),
  );

  socket.on(
    SOCKET_EVENTS.openDayLeave,
    socketHandler(
      logger,
      SOCKET_EVENTS.openDayLeave,
      openDayRefPayloadSchema,
      async ({ openDayId }) => {
        delete joined[openDayId];
        for (const channel of [
          openDayChannel(openDayId),
          openDayHostsChannel(openDayId),
          openDayFollowersChannel(openDayId),
        ])
          await socket.leave(channel);
        live.presenceChanged(openDayId);
        return {};
      },
      { ackRequired: false },
    ),
  );

  socket.on(
    SOCKET_EVENTS.openDayFollow,
    socketHandler(
      logger,
      SOCKET_EVENTS.openDayFollow,
      openDayFollowPayloadSchema,
      async ({ openDayId, following }) => {
        if (!joined[openDayId]) throw new AppError('conflict', NOT_JOINED);
        if (following) await socket.join(openDayFollowersChannel(openDayId));
        else await socket.leave(openDayFollowersChannel(openDayId));
        return { following, hostHeadingId: await heading(openDayId) };
      },
    ),
  );

  socket.on(
    SOCKET_EVENTS.openDayWhereIsHost,
    socketHandler(
      logger,
      SOCKET_EVENTS.openDayWhereIsHost,
      openDayRefPayloadSchema,
      async ({ openDayId }) => {
        if (!joined[openDayId]) throw new AppError('conflict', NOT_JOINED);
        return { hostHeadingId: await heading(openDayId) };
      },
    ),
  );

  socket.on(
    SOCKET_EVENTS.openDayPosition,
    socketHandler(
      logger,
      SOCKET_EVENTS.openDayPosition,
      openDayPositionPayloadSchema,
      async ({ openDayId, headingId }) => {
        // Joining as a host asked the open-day policy; a visitor's standing is never 'host'.
        if (joined[openDayId]?.kind !== 'host')
          throw new AppError('forbidden', 'Only the open day’s hosts share their position.');
        const now = Date.now();
        if (now - positionWindowStart >= 1000) {
          positionWindowStart = now;
          positionsInWindow = 0;
        }
        positionsInWindow += 1;
        if (positionsInWindow > OPEN_DAY_LIMITS.hostPositionsPerSecond) return {};
        live.hostPosition(openDayId, headingId);
        await OpenDayModel.updateOne({ _id: openDayId }, { $set: { hostHeadingId: headingId } });
        return {};
      },
      { ackRequired: false },
    ),
  );

  socket.on('disconnect', () => {
    for (const openDayId of Object.keys(joined)) live.presenceChanged(openDayId);
  });
}
