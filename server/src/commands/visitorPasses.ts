import { mayHaveVisitorPasses, type CreateVisitorPassBody, type RoomKind } from '@common-ground/shared';
import type { AccessEvents } from '../access/AccessEvents.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import { AppError } from '../errors.ts';
import type { RoomRecord } from '../models/Room.ts';
import { SessionModel } from '../models/Session.ts';
import { VisitorPassModel, type VisitorPassRecord } from '../models/VisitorPass.ts';
import { trusted } from '../database/trusted.ts';

/** The longest a visitor pass may last. */
export const MAX_PASS_LIFETIME_MS = 31 * 24 * 3600_000;

/** Issues a visitor pass for an open-day room; returns the record and the token for the link (shown once). */
export async function issueVisitorPass(
  userId: string,
  room: RoomRecord,
  body: CreateVisitorPassBody,
): Promise<{ pass: VisitorPassRecord; token: string }> {
  if (!mayHaveVisitorPasses(room.kind as RoomKind)) {
    throw new AppError('conflict', 'Visitor passes are only for open-day rooms.');
  }
  const expiresAt = new Date(body.expiresAt);
  const now = Date.now();
  if (expiresAt.getTime() <= now + 60_000) {
    throw new AppError('validation_failed', 'The pass must expire in the future.', {
      fields: { expiresAt: 'Choose a time in the future' },
    });
  }
  if (expiresAt.getTime() > now + MAX_PASS_LIFETIME_MS) {
    throw new AppError('validation_failed', 'A pass can last at most 31 days.', {
      fields: { expiresAt: 'Choose a time within 31 days' },
    });
  }
  const token = newToken();
  const pass = await VisitorPassModel.create({
    roomId: room._id,
    label: body.label,
    tokenHash: hashToken(token),
    expiresAt,
    createdBy: userId,
  });
  return { pass, token };
}

/** Revokes a pass: its visitors' sessions end and their open connections close at once. */
export async function revokeVisitorPass(
  accessEvents: AccessEvents,
  roomId: string,
  passId: string,
): Promise<VisitorPassRecord> {
  await VisitorPassModel.updateOne(
    { _id: passId, roomId, revokedAt: null },
    { $set: { revokedAt: new Date() } },
  );
  const pass = await VisitorPassModel.findOne({ _id: passId, roomId });
  if (!pass) throw new AppError('not_found', 'Visitor pass not found.');
  await SessionModel.deleteMany({ passId: pass._id });
  await accessEvents.publish({ type: 'pass.revoked', passId: String(pass._id) });
  return pass;
}

/** Checks a pass link and counts the visit; revoked and expired passes are refused with 410. */
export async function admitVisitor(token: string): Promise<VisitorPassRecord> {
  const pass = await VisitorPassModel.findOneAndUpdate(
    { tokenHash: hashToken(token), revokedAt: null, expiresAt: trusted({ $gt: new Date() }) },
    { $inc: { visits: 1 } },
    { new: true },
  );
  if (pass) return pass;
  const known = await VisitorPassModel.exists({ tokenHash: hashToken(token) });
  if (known)
    throw new AppError(
      'gone',
      'This visitor pass has expired or been withdrawn. Ask the organisers for a new link.',
    );
  throw new AppError('not_found', 'This visitor pass link is not valid.');
}
