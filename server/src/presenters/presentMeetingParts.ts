import type { AttendanceEntry, MeetingAction, MeetingBid, MeetingNotes } from '@common-ground/shared';
import { trusted } from '../database/trusted.ts';
import { UserModel } from '../models/User.ts';

/** Display names of these people, in one query. */
export async function displayNames(userIds: unknown[]): Promise<Map<string, string>> {
  const unique = [...new Set(userIds.map(String))];
  if (!unique.length) return new Map();
  const users = await UserModel.find({ _id: trusted({ $in: unique }) }, { displayName: 1 }).lean();
  return new Map(users.map((user) => [String(user._id), user.displayName]));
}

interface StoredBid {
  _id: unknown;
  meetingId: unknown;
  userId: unknown;
  minutes: number;
  topic?: string | null;
  createdAt: Date;
}

/** Bids → the shared shape, with each bidder's name. */
export async function presentBids(bids: StoredBid[]): Promise<MeetingBid[]> {
  const names = await displayNames(bids.map((bid) => bid.userId));
  return bids.map((bid) => ({
    id: String(bid._id),
    meetingId: String(bid.meetingId),
    userId: String(bid.userId),
    displayName: names.get(String(bid.userId)) ?? 'Someone',
    minutes: bid.minutes,
    topic: bid.topic ?? null,
    createdAt: bid.createdAt.toISOString(),
  }));
}

interface StoredAction {
  _id: unknown;
  meetingId: unknown;
  ownerId: unknown;
  text: string;
  status: string;
  reflection?: string | null;
  createdAt: Date;
}

/** Actions → the shared shape, with each owner's name. */
export async function presentActions(actions: StoredAction[]): Promise<MeetingAction[]> {
  const names = await displayNames(actions.map((action) => action.ownerId));
  return actions.map((action) => ({
    id: String(action._id),
    meetingId: String(action.meetingId),
    ownerId: String(action.ownerId),
    ownerName: names.get(String(action.ownerId)) ?? 'Someone',
    text: action.text,
    status: action.status as MeetingAction['status'],
    ...(action.reflection ? { reflection: action.reflection } : {}),
    createdAt: action.createdAt.toISOString(),
  }));
}

interface StoredAttendance {
  userId: unknown;
  present: boolean;
  source: string;
}

/** Attendance rows → the shared shape, by name. */
export async function presentAttendance(rows: StoredAttendance[]): Promise<AttendanceEntry[]> {
  const names = await displayNames(rows.map((row) => row.userId));
  return rows
    .map((row) => ({
      userId: String(row.userId),
      displayName: names.get(String(row.userId)) ?? 'Someone',
      present: row.present,
      source: row.source as AttendanceEntry['source'],
    }))
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
}

interface StoredNotes {
  _id: unknown;
  meetingId: unknown;
  presenterId: unknown;
  documentId: unknown;
  noteTakerIds: unknown[];
  createdAt: Date;
}

/** A presenter's notes → the shared shape. */
export function presentNotes(notes: StoredNotes): MeetingNotes {
  return {
    id: String(notes._id),
    meetingId: String(notes.meetingId),
    presenterId: String(notes.presenterId),
    documentId: String(notes.documentId),
    noteTakerIds: notes.noteTakerIds.map(String),
    createdAt: notes.createdAt.toISOString(),
  };
}
