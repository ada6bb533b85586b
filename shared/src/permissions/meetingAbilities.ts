import type { Meeting, MeetingAction } from '../schemas/meetings.ts';
import { can, type Role } from './roles.ts';

/** Who is asking about a meeting: their role in the set (null outside it) and whether they agreed to its rules. */
export interface MeetingViewer {
  id: string;
  role: Role | null;
  /** Agreed to the ground rules in force; nobody joins a meeting before that. */
  agreed: boolean;
}

/** What someone may do in one meeting, asked by its routes, its socket handlers and its page alike. */
export interface MeetingAbilities {
  /** Read the meeting, its bids and actions. */
  view: boolean;
  /** Start it, move between stages, drive the clock, edit stages, order the bids and end it. */
  run: boolean;
  /** Bid for time and write their own actions. */
  participate: boolean;
  /** Hide or show the clock: the presenter of the current stage, during their own slot. */
  hideClock: boolean;
  /** See the clock's time: everyone unless the presenter hid it, when only the presenter does. */
  seeClock: boolean;
  /** Mark helpful questions: the presenter of the current stage. */
  markHelpful: boolean;
  /** Hand the meeting to a member, and see and correct attendance: the set's managers. */
  manage: boolean;
  /** Opt in to notes on their own slot and choose the note-takers: a presenter at this meeting. */
  optInNotes: boolean;
}

type MeetingFacts = Pick<Meeting, 'runnerId' | 'stages' | 'currentStageId' | 'clockHidden' | 'status'>;

/** The presenter of the current stage, if it belongs to one. */
export function currentPresenterId(meeting: Pick<Meeting, 'stages' | 'currentStageId'>): string | null {
  const stage = meeting.stages.find((candidate) => candidate.id === meeting.currentStageId);
  return stage?.presenterId ?? null;
}

/**
 * The one rule for a meeting: the set's facilitators run it (`meeting.run`) unless one of them handed it to a member,
 * who then runs it too; members take part; observers only watch. Nobody who has not agreed to the ground rules does
 * anything but see that the meeting exists.
 */
export function meetingAbilities(viewer: MeetingViewer, meeting: MeetingFacts): MeetingAbilities {
  const inSet = can(viewer.role, 'room.view');
  const view = inSet && viewer.agreed;
  const participate = view && can(viewer.role, 'meeting.participate');
  const ended = meeting.status === 'ended';
  const handedTo = meeting.runnerId !== null && meeting.runnerId === viewer.id && participate;
  const presenter = view && meeting.status === 'live' && currentPresenterId(meeting) === viewer.id;
  return {
    view,
    run: view && !ended && (can(viewer.role, 'meeting.run') || handedTo),
    participate: participate && !ended,
    hideClock: presenter,
    seeClock: view && (!meeting.clockHidden || presenter),
    markHelpful: presenter,
    manage: inSet && can(viewer.role, 'set.manage'),
    optInNotes: participate && !ended && meeting.stages.some((stage) => stage.presenterId === viewer.id),
  };
}

/**
 * Someone's role in a presenter's notes document: their set role, except that only the presenter and the note-takers
 * they chose may write; everyone else in the set reads (an `observer` connection), and nobody outside it sees it.
 */
export function meetingNotesRole(
  setRole: Role | null,
  viewerId: string | null,
  notes: { presenterId: string; noteTakerIds: readonly string[] },
): Role | null {
  if (!can(setRole, 'document.view')) return null;
  const writer =
    viewerId !== null && (viewerId === notes.presenterId || notes.noteTakerIds.includes(viewerId));
  return writer ? setRole : 'observer';
}

/** Whether someone may write to an action: only its owner, while they take part in the set. */
export function mayWriteAction(
  viewer: MeetingViewer,
  action: Pick<MeetingAction, 'ownerId'> | null,
): boolean {
  return (
    viewer.agreed && can(viewer.role, 'meeting.participate') && (!action || action.ownerId === viewer.id)
  );
}

/** Whose actions someone may list: everyone's for the set's facilitators, otherwise only their own. */
export const seesEveryonesActions = (role: Role | null): boolean => can(role, 'set.manage');
