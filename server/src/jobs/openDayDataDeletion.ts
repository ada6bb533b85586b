import { OPEN_DAY_LIMITS } from '@common-ground/shared';
import type { AccessEvents } from '../access/AccessEvents.ts';
import { isDuplicateKey } from '../database/isDuplicateKey.ts';
import { trusted } from '../database/trusted.ts';
import type { Logger } from '../logger.ts';
import { JobRunModel } from '../models/JobRun.ts';
import { OpenDayModel } from '../models/OpenDay.ts';
import { OpenDayAttendanceModel } from '../models/OpenDayAttendance.ts';
import { OpenDayPlaceModel } from '../models/OpenDayPlace.ts';
import { OpenDayQuestionModel } from '../models/OpenDayQuestion.ts';
import { OpenDayRegistrationModel } from '../models/OpenDayRegistration.ts';
import { OpenDayVoteModel } from '../models/OpenDayVote.ts';
import { SessionModel } from '../models/Session.ts';
import { VisitorPassModel } from '../models/VisitorPass.ts';

const DAY = 24 * 60 * 60_000;
/** How long the after phase runs past the end of the event: the live margin and the 14 days. */
const AFTER_END_MS = OPEN_DAY_LIMITS.liveMarginMinutes * 60_000 + OPEN_DAY_LIMITS.afterPhaseDays * DAY;
/** How often each instance looks for open days whose passes have ended. */
const CHECK_EVERY_MS = 10 * 60_000;

/**
 * Deletes the registrations' personal data of every open day whose after phase is over: registrations, places,
 * passes (and their sessions), votes and attendance; questions lose who asked, feedback never held a name. Each open
 * day is claimed with a unique `JobRun` insert first, so with several instances running this at once each open day is
 * done by exactly one. Returns the ids of the open days this call deleted.
 */
export async function deleteEndedOpenDayData(options: {
  instance: string;
  now?: Date;
  accessEvents?: AccessEvents;
  logger?: Logger;
}): Promise<string[]> {
  const now = options.now ?? new Date();
  const due = await OpenDayModel.find(
    { personalDataDeletedAt: null, endsAt: trusted({ $lt: new Date(now.getTime() - AFTER_END_MS) }) },
    { _id: 1 },
  ).lean();
  const done: string[] = [];
  for (const { _id: openDayId } of due) {
    try {
      await JobRunModel.create({
        _id: `openDayDataDeletion:${String(openDayId)}`,
        instance: options.instance,
        claimedAt: now,
      });
    } catch (error) {
      if (isDuplicateKey(error)) continue;
      throw error;
    }
    const passes = await VisitorPassModel.find({ openDayId }, { _id: 1 }).lean();
    const passIds = passes.map((pass) => pass._id);
    await SessionModel.deleteMany({ passId: trusted({ $in: passIds }) });
    for (const passId of passIds)
      await options.accessEvents?.publish({ type: 'pass.revoked', passId: String(passId) });
    await VisitorPassModel.deleteMany({ openDayId });
    await OpenDayRegistrationModel.deleteMany({ openDayId });
    await OpenDayPlaceModel.deleteMany({ openDayId });
    await OpenDayAttendanceModel.deleteMany({ openDayId });
    await OpenDayVoteModel.deleteMany({ openDayId });
    await OpenDayQuestionModel.updateMany({ openDayId }, { $set: { passId: null } });
    await OpenDayModel.updateOne({ _id: openDayId }, { $set: { personalDataDeletedAt: now } });
    options.logger?.info(
      { openDayId: String(openDayId) },
      'open-day registrations deleted after the after phase',
    );
    done.push(String(openDayId));
  }
  return done;
}

/** Runs {@link deleteEndedOpenDayData} every ten minutes on this instance; returns the function that stops it. */
export function startOpenDayDataDeletion(options: {
  instance: string;
  accessEvents: AccessEvents;
  logger: Logger;
}): () => void {
  const run = () =>
    deleteEndedOpenDayData(options).catch((error: unknown) =>
      options.logger.warn({ err: error }, 'could not delete ended open days’ registrations; will try again'),
    );
  const timer = setInterval(run, CHECK_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
