import { hashToken, newToken } from '../../auth/tokens.ts';
import type { OpenDayRecord } from '../../models/OpenDay.ts';
import { VisitorPassModel } from '../../models/VisitorPass.ts';
import { openDayTimes } from '@common-ground/shared';

/** The pass's windows as stored on its visitor pass: live for the room, expiry at the end of the after phase. */
export function passWindowOf(openDay: OpenDayRecord) {
  const times = openDayTimes(openDay);
  return {
    liveFrom: new Date(times.liveFrom),
    liveUntil: new Date(times.liveUntil),
    expiresAt: new Date(times.afterUntil),
  };
}

/**
 * Gives a registration's pass a fresh token and returns it: the emailed link is the only copy, so each fresh email
 * carries a new one and the older link stops working.
 */
export async function rotatePassToken(passId: string): Promise<string> {
  const token = newToken();
  await VisitorPassModel.updateOne(
    { _id: passId },
    { $set: { tokenHash: hashToken(token), revokedAt: null } },
  );
  return token;
}

/** Keeps every pass of an open day in step with its times, after an edit. */
export async function updatePassWindows(openDay: OpenDayRecord): Promise<void> {
  await VisitorPassModel.updateMany({ openDayId: openDay._id }, { $set: passWindowOf(openDay) });
}
