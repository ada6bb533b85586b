import { Router } from 'express';
import type { Caller } from '../../auth/Caller.ts';
import { oneAtATime } from '../../commands/meetings/oneAtATime.ts';
import { can, routes, seesEveryonesActions, type UpdateMeetingBody } from '@common-ground/shared';
import type { AppContext } from '../../AppContext.ts';
import { correctAttendance } from '../../commands/meetings/attendanceRecorder.ts';
import { orderPresenters, scheduleMeeting, updateMeeting } from '../../commands/meetings/meetingScheduler.ts';
import { AppError } from '../../errors.ts';
import { requireUser } from '../../middlewares/authenticate.ts';
import { authorizeAbility } from '../../policies/authorize.ts';
import {
  authorizeMeeting,
  loadMeetingForCaller,
  loadSetMeetingsForCaller,
} from '../../policies/meetingPolicy.ts';
import { presentMeetingFor } from '../../presenters/presentMeeting.ts';
import {
  presentActions,
  presentAttendance,
  presentBids,
  presentNotes,
} from '../../presenters/presentMeetingParts.ts';
import { optInToNotes } from '../../commands/meetings/notesOptIn.ts';
import { setRoleOf } from '../../queries/learningSets.ts';
import {
  actionsForMeeting,
  actionsOf,
  attendanceOf,
  bidsOf,
  meetingsOf,
  notesOf,
} from '../../queries/meetings.ts';
import { registerRoute } from '../registerRoute.ts';

const ONLY_RUNNER = 'Only whoever runs this meeting can do that.';
const ONLY_FACILITATORS = "Only the set's facilitators can do that.";

/** A learning set's meetings over HTTP: schedule, list, read, edit, order the bids, attendance, actions. */
export function meetingsRouter({ services }: AppContext): Router {
  const router = Router();

  registerRoute(router, routes.createMeeting, async ({ params: { id }, body }, req, res) => {
    const { room, role, viewer } = await loadSetMeetingsForCaller(requireUser(req), id);
    authorizeAbility(can(role, 'meeting.run'), ONLY_FACILITATORS);
    const meeting = await scheduleMeeting(room, viewer.id, body);
    res.status(201).json({ meeting: presentMeetingFor(meeting, viewer) });
  });

  registerRoute(router, routes.listMeetings, async ({ params: { id } }, req, res) => {
    const { viewer } = await loadSetMeetingsForCaller(requireUser(req), id);
    const meetings = await meetingsOf(id);
    res.json({ meetings: meetings.map((meeting) => presentMeetingFor(meeting, viewer)) });
  });

  registerRoute(router, routes.getMeeting, async ({ params: { id } }, req, res) => {
    const { meeting, viewer, abilities } = await loadMeetingForCaller(requireUser(req), id);
    authorizeMeeting(viewer, abilities.view, 'Only the people in this set read its meetings.');
    const [bids, actions, attendance] = await Promise.all([
      bidsOf(id).then(presentBids),
      actionsForMeeting(meeting).then(presentActions),
      abilities.manage ? attendanceOf(id).then(presentAttendance) : null,
    ]);
    res.json({ meeting: presentMeetingFor(meeting, viewer), bids, actions, attendance });
  });

  registerRoute(router, routes.updateMeeting, async ({ params: { id }, body }, req, res) => {
    const { changed, viewer } = await oneAtATime(id, () => editMeeting(requireUser(req), id, body));
    services.meetings.stateChanged(changed);
    res.json({ meeting: presentMeetingFor(changed, viewer) });
  });

  /** Checks and applies an edit; a facilitator alone hands the meeting to one of the set's members. */
  const editMeeting = async (caller: Caller, id: string, body: UpdateMeetingBody) => {
    const { meeting, viewer, abilities } = await loadMeetingForCaller(caller, id);
    authorizeMeeting(viewer, abilities.run, ONLY_RUNNER);
    if (body.runnerId !== undefined) {
      authorizeAbility(abilities.manage, 'Only the set’s facilitators hand a meeting to a member.');
      if (
        body.runnerId !== null &&
        !can(await setRoleOf(String(meeting.roomId), body.runnerId), 'meeting.participate')
      )
        throw new AppError('validation_failed', 'Hand the meeting to one of the set’s members.');
    }
    return { changed: await updateMeeting(meeting, body), viewer };
  };

  registerRoute(router, routes.orderPresenters, async ({ params: { id }, body }, req, res) => {
    const { changed, viewer } = await oneAtATime(id, () => order(requireUser(req), id, body.userIds));
    services.meetings.stateChanged(changed);
    res.json({ meeting: presentMeetingFor(changed, viewer) });
  });

  /** Orders the bids of the people named, in that order, into presenter stages. */
  const order = async (caller: Caller, id: string, userIds: string[]) => {
    const { meeting, viewer, abilities } = await loadMeetingForCaller(caller, id);
    authorizeMeeting(viewer, abilities.run, ONLY_RUNNER);
    const bids = await presentBids(await bidsOf(id));
    const presenters = userIds.map((userId) => {
      const bid = bids.find((candidate) => candidate.userId === userId);
      if (!bid) throw new AppError('validation_failed', 'Order only people who bid for time.');
      return bid;
    });
    if (new Set(userIds).size !== userIds.length)
      throw new AppError('validation_failed', 'Each presenter once.');
    return { changed: await orderPresenters(meeting, presenters), viewer };
  };

  registerRoute(router, routes.correctAttendance, async ({ params: { id }, body }, req, res) => {
    const { meeting, viewer, abilities } = await loadMeetingForCaller(requireUser(req), id);
    authorizeMeeting(viewer, abilities.manage, ONLY_FACILITATORS);
    if (!(await setRoleOf(String(meeting.roomId), body.userId)))
      throw new AppError('validation_failed', 'Only the set’s people attend its meetings.');
    await correctAttendance(meeting, body.userId, body.present);
    res.json({ attendance: await presentAttendance(await attendanceOf(id)) });
  });

  registerRoute(router, routes.optInNotes, async ({ params: { id }, body }, req, res) => {
    const { meeting, room, viewer, abilities } = await loadMeetingForCaller(requireUser(req), id);
    authorizeMeeting(viewer, abilities.optInNotes, 'Only a presenter opts in to notes on their own slot.');
    for (const userId of body.noteTakerIds)
      if (!can(await setRoleOf(String(meeting.roomId), userId), 'document.edit'))
        throw new AppError('validation_failed', 'Choose note-takers from the set’s members.');
    const notes = await optInToNotes(
      services.documents,
      meeting,
      room.communityId,
      viewer.id,
      body.noteTakerIds,
    );
    res.status(201).json({ notes: presentNotes(notes) });
  });

  registerRoute(router, routes.listMeetingNotes, async ({ params: { id } }, req, res) => {
    const { viewer, abilities } = await loadMeetingForCaller(requireUser(req), id);
    authorizeMeeting(viewer, abilities.view, 'Only the people in this set read its meetings.');
    const notes = await notesOf(id);
    res.json({ notes: notes.map(presentNotes) });
  });

  registerRoute(router, routes.listActions, async ({ params: { id }, query }, req, res) => {
    const { role, viewer } = await loadSetMeetingsForCaller(requireUser(req), id);
    const everyone = seesEveryonesActions(role);
    const actions = await actionsOf(id, {
      ...(everyone ? {} : { ownerId: viewer.id }),
      status: query.status,
    });
    res.json({ actions: await presentActions(actions) });
  });

  return router;
}
