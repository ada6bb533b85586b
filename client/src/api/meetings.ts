import { routes, urlFor, type CreateMeetingBody, type UpdateMeetingBody } from '@common-ground/shared';
import { api } from './apiClient.ts';

/** A set's meetings, soonest first. */
export async function listMeetings(roomId: string) {
  return (await api(routes.listMeetings, { params: { id: roomId } })).meetings;
}

/** Schedules a meeting with the default stages. */
export async function createMeeting(roomId: string, body: CreateMeetingBody) {
  return (await api(routes.createMeeting, { params: { id: roomId }, body })).meeting;
}

/** A meeting with its bids and actions (and attendance for the set's facilitators). */
export async function getMeeting(meetingId: string) {
  return api(routes.getMeeting, { params: { id: meetingId } });
}

/** Edits a meeting: title, time, settings, stages, or who runs it. */
export async function updateMeeting(meetingId: string, body: UpdateMeetingBody) {
  return (await api(routes.updateMeeting, { params: { id: meetingId }, body })).meeting;
}

/** Orders the bids into presenter stages. */
export async function orderPresenters(meetingId: string, userIds: string[]) {
  return (await api(routes.orderPresenters, { params: { id: meetingId }, body: { userIds } })).meeting;
}

/** Corrects whether someone was at a meeting. */
export async function correctAttendance(meetingId: string, userId: string, present: boolean) {
  return (await api(routes.correctAttendance, { params: { id: meetingId }, body: { userId, present } }))
    .attendance;
}

/** The caller's actions in a set (everyone's for its facilitators). */
export async function listActions(roomId: string, status?: 'open' | 'reflected') {
  return (await api(routes.listActions, { params: { id: roomId }, query: status ? { status } : {} })).actions;
}

/** Ends a set, keeping its content for `keepMonths`. */
export async function endSet(roomId: string, keepMonths: number) {
  return api(routes.endSet, { params: { id: roomId }, body: { keepMonths } });
}

/** Where the caller's CPD record of a set downloads from, as Markdown or PDF. */
export function cpdRecordUrl(roomId: string, format: 'markdown' | 'pdf'): string {
  return urlFor(routes.exportCpdRecord, { params: { id: roomId }, query: { format } });
}

/** The notes presenters opted in to at a meeting. */
export async function listMeetingNotes(meetingId: string) {
  return (await api(routes.listMeetingNotes, { params: { id: meetingId } })).notes;
}

/** Opts in to notes on one's own slot, with the note-takers chosen. */
export async function optInNotes(meetingId: string, noteTakerIds: string[]) {
  return (await api(routes.optInNotes, { params: { id: meetingId }, body: { noteTakerIds } })).notes;
}
