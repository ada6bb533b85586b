import { OPEN_DAY_LIMITS, personalDataWarnings } from '@common-ground/shared';
import { AppError } from '../../errors.ts';
import { OpenDayQuestionModel, type OpenDayQuestionRecord } from '../../models/OpenDayQuestion.ts';
import { claimSlidingSlot } from '../../rateLimits/claimSlidingSlot.ts';

/**
 * Puts a visitor's question in the hosts' queue, as pending. Words that set off the personal-data warning are sent
 * back (with the warnings) until the visitor says they have looked again, and flagged for the host either way. Each
 * pass may ask {@link OPEN_DAY_LIMITS.questionsPerPassPerHour} an hour, across every instance.
 */
export async function askQuestion(
  openDayId: string,
  passId: string,
  text: string,
  personalDataChecked: boolean,
  options: { rateLimited: boolean },
): Promise<OpenDayQuestionRecord> {
  const warnings = personalDataWarnings(text);
  if (warnings.length && !personalDataChecked)
    throw new AppError('validation_failed', warnings[0]!.message, {
      fields: { text: 'This may identify someone. Take out anything personal, or confirm you have checked.' },
      warnings,
    });
  const asked = await OpenDayQuestionModel.countDocuments({ openDayId });
  if (asked >= OPEN_DAY_LIMITS.questionsPerOpenDay)
    throw new AppError('conflict', 'This open day has taken as many questions as it can.');
  if (options.rateLimited) {
    const claim = await claimSlidingSlot(
      'openDayQuestions',
      passId,
      OPEN_DAY_LIMITS.questionsPerPassPerHour,
      60 * 60_000,
    );
    if (!claim.allowed)
      throw new AppError('rate_limited', 'You have asked a lot of questions. Please wait and try again.', {
        retryAfterSeconds: claim.retryAfterSeconds,
      });
  }
  return OpenDayQuestionModel.create({
    openDayId,
    passId,
    text,
    status: 'pending',
    personalDataFlag: warnings.length > 0,
  });
}
