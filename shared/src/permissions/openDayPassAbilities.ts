import type { PassAbilities } from '../schemas/openDayRegistrations.ts';
import type { OpenDayPhase } from '../schemas/openDays.ts';
import type { RegistrationStatus } from '../schemas/openDayRegistrations.ts';

const NOTHING: PassAbilities = {
  readPreRead: false,
  askQuestions: false,
  vote: false,
  enterLiveRoom: false,
  readTakeBack: false,
  giveFeedback: false,
};

/**
 * What an open-day pass allows in each phase: before, the pre-read and advance questions; live, the room, questions
 * and votes; after, the take-back pack and feedback. A waiting-list or cancelled registration reads the pre-read only
 * before the day; nothing is allowed once the pass has ended or the day is cancelled. Questions, votes and feedback are
 * the only things a visitor ever writes.
 */
export function openDayPassAbilities(phase: OpenDayPhase, status: RegistrationStatus): PassAbilities {
  if (status === 'cancelled') return NOTHING;
  if (status === 'waiting') return { ...NOTHING, readPreRead: phase === 'before' };
  switch (phase) {
    case 'before':
      return { ...NOTHING, readPreRead: true, askQuestions: true };
    case 'live':
      return { ...NOTHING, readPreRead: true, askQuestions: true, vote: true, enterLiveRoom: true };
    case 'after':
      return { ...NOTHING, readPreRead: true, readTakeBack: true, giveFeedback: true };
    default:
      return NOTHING;
  }
}

/** The phase in which each ability is available, for the refusal message ("opens at 10:00"). */
export const PASS_ABILITY_PHASE: Readonly<Record<keyof PassAbilities, OpenDayPhase>> = {
  readPreRead: 'before',
  askQuestions: 'before',
  vote: 'live',
  enterLiveRoom: 'live',
  readTakeBack: 'after',
  giveFeedback: 'after',
};
