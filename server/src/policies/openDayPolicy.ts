import { isValidObjectId } from 'mongoose';
import {
  openDayPassAbilities,
  openDayPhase,
  openDayTimes,
  type CommunityRole,
  type OpenDayPhase,
  type PassAbilities,
  type RegistrationStatus,
} from '@common-ground/shared';
import type { Caller } from '../auth/Caller.ts';
import { AppError } from '../errors.ts';
import { OpenDayModel, type OpenDayRecord } from '../models/OpenDay.ts';
import { OpenDayRegistrationModel, type OpenDayRegistrationRecord } from '../models/OpenDayRegistration.ts';
import { authorize } from './authorize.ts';
import { communityRoleOf } from './communityPolicy.ts';

/** Loads an open day the caller may host ('openday.host' in its community); anyone else gets 404 or 403. */
export async function loadHostedOpenDay(
  caller: Caller | null,
  openDayId: string,
): Promise<{ openDay: OpenDayRecord; role: CommunityRole }> {
  if (!isValidObjectId(openDayId)) throw new AppError('not_found', 'Open day not found.');
  const openDay = await OpenDayModel.findById(openDayId);
  const role = openDay ? await communityRoleOf(caller, String(openDay.communityId)) : null;
  if (!openDay || !role) throw new AppError('not_found', 'Open day not found.');
  authorize(role, 'openday.host');
  return { openDay, role };
}

/** A visitor's pass as the pass routes and socket handlers see it. */
export interface LoadedPass {
  openDay: OpenDayRecord;
  registration: OpenDayRegistrationRecord;
  phase: OpenDayPhase;
  abilities: PassAbilities;
}

/** Loads the open-day pass of the caller's visitor session; anyone else has none (404). */
export async function loadPassForCaller(caller: Caller | null, now = new Date()): Promise<LoadedPass> {
  if (caller?.kind !== 'visitor' || !caller.openDay)
    throw new AppError(
      'not_found',
      'There is no open-day pass in this session. Open the link in your email.',
    );
  const [openDay, registration] = await Promise.all([
    OpenDayModel.findById(caller.openDay.id),
    OpenDayRegistrationModel.findOne({ passId: caller.passId }),
  ]);
  if (!openDay || !registration) throw new AppError('gone', 'This pass has ended.');
  const phase = openDayPhase(openDay, now);
  return {
    openDay,
    registration,
    phase,
    abilities: openDayPassAbilities(phase, registration.status as RegistrationStatus),
  };
}

const timeOf = (iso: string) =>
  new Date(iso).toLocaleTimeString('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/London',
  });
const dayOf = (iso: string) =>
  new Date(iso).toLocaleDateString('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'Europe/London',
  });

const WHAT: Record<keyof PassAbilities, string> = {
  readPreRead: 'The pre-read',
  askQuestions: 'Questions',
  vote: 'Voting',
  enterLiveRoom: 'The open-day room',
  readTakeBack: 'The take-back pack',
  giveFeedback: 'The feedback form',
};

/**
 * Throws unless the pass allows `ability` now, saying clearly when it does: `wrong_phase` (409) with the phase and
 * the times ("The open-day room opens at 10:00 on Tuesday 10 March"), `gone` once the pass has ended or the day is
 * cancelled, `forbidden` for a waiting-list or cancelled registration.
 */
export function requirePassAbility(pass: LoadedPass, ability: keyof PassAbilities): void {
  if (pass.abilities[ability]) return;
  const { phase, openDay, registration } = pass;
  if (phase === 'cancelled') throw new AppError('gone', 'This open day was cancelled.');
  if (phase === 'ended') throw new AppError('gone', 'This pass has ended.');
  if (registration.status === 'cancelled')
    throw new AppError(
      'forbidden',
      'This registration was cancelled. Register again from the open day’s page.',
    );
  if (registration.status === 'waiting')
    throw new AppError('forbidden', 'You are on the waiting list. We will email you if a place comes up.');
  const times = openDayTimes(openDay);
  const what = WHAT[ability];
  let message: string;
  let availableFrom: string | null = null;
  let availableUntil: string | null = null;
  if (ability === 'enterLiveRoom' || ability === 'vote') {
    availableFrom = times.liveFrom;
    availableUntil = times.liveUntil;
    message =
      phase === 'before'
        ? `${what} opens at ${timeOf(times.liveFrom)} on ${dayOf(times.liveFrom)}.`
        : `${what} closed when the open day finished. Your take-back pack is ready.`;
  } else if (ability === 'readTakeBack' || ability === 'giveFeedback') {
    availableFrom = times.liveUntil;
    availableUntil = times.afterUntil;
    message = `${what} is ready after the open day, from ${timeOf(times.liveUntil)} on ${dayOf(times.liveUntil)}.`;
  } else {
    availableUntil = times.liveUntil;
    message = `${what} closed when the open day finished.`;
  }
  throw new AppError('wrong_phase', message, { phase, availableFrom, availableUntil });
}
