import { MEETING_LIMITS } from '@common-ground/shared';
import { isDuplicateKey } from '../../database/isDuplicateKey.ts';
import { SetEndingModel } from '../../models/SetEnding.ts';

/** `keepMonths` calendar months after `from`. */
export function monthsAfter(from: Date, keepMonths: number): Date {
  const at = new Date(from);
  at.setUTCMonth(at.getUTCMonth() + keepMonths);
  return at;
}

/**
 * Ends a learning set: its facilitators choose how long its notes and discussion are kept (six months by default).
 * Ending it again before the content is gone changes how long it is kept.
 */
export async function endSet(
  roomId: string,
  userId: string,
  keepMonths: number = MEETING_LIMITS.defaultKeepMonths,
  now = new Date(),
): Promise<{ endedAt: Date; deleteAfter: Date }> {
  const deleteAfter = monthsAfter(now, keepMonths);
  try {
    await SetEndingModel.create({ roomId, endedBy: userId, endedAt: now, deleteAfter });
    return { endedAt: now, deleteAfter };
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const ending = (await SetEndingModel.findOne({ roomId }))!;
    if (!ending.purgedAt) {
      ending.deleteAfter = monthsAfter(ending.endedAt, keepMonths);
      await ending.save();
    }
    return { endedAt: ending.endedAt, deleteAfter: ending.deleteAfter };
  }
}
