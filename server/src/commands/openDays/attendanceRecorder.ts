import { isDuplicateKey } from '../../database/isDuplicateKey.ts';
import { OpenDayAttendanceModel } from '../../models/OpenDayAttendance.ts';

/** Records that a registered visitor joined the live room, once (the unique index keeps the first time). */
export async function recordAttendance(openDayId: string, registrationId: string): Promise<void> {
  try {
    await OpenDayAttendanceModel.create({ openDayId, registrationId, firstSeenAt: new Date() });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
}
