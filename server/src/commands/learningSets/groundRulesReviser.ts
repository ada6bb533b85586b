import { AppError } from '../../errors.ts';
import { isDuplicateKey } from '../../database/isDuplicateKey.ts';
import { GroundRulesAgreementModel } from '../../models/GroundRulesAgreement.ts';
import { GroundRulesRevisionModel } from '../../models/GroundRulesRevision.ts';
import { currentGroundRules } from '../../queries/learningSets.ts';

const ATTEMPTS = 20;

/**
 * Puts a new revision of a set's ground rules in force, so everyone agrees again: new rules when written, the same
 * rules when someone joins (nothing to do before any are written). Racing writers are settled by the unique
 * (roomId, revision) index: the loser reads the winner's revision and goes after it.
 */
export async function reviseGroundRules(
  roomId: string,
  by: string,
  change: { reason: 'written'; rules: string[] } | { reason: 'joined' },
) {
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const current = await currentGroundRules(roomId);
    if (change.reason === 'joined' && !current) return null;
    const rules = change.reason === 'written' ? change.rules : (current?.rules ?? []);
    try {
      const created = await GroundRulesRevisionModel.create({
        roomId,
        revision: (current?.revision ?? 0) + 1,
        rules,
        reason: change.reason,
        by,
      });
      return created.toObject();
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }
  throw new AppError('unavailable', 'The ground rules are changing quickly; please try again.');
}

/** Records that someone agreed to the revision they read; a revision no longer in force is refused with 409. */
export async function agreeToGroundRules(roomId: string, userId: string, revision: number): Promise<void> {
  const current = await currentGroundRules(roomId);
  if (!current)
    throw new AppError('conflict', 'This set has not written its ground rules yet.', { revision: null });
  if (current.revision !== revision)
    throw new AppError(
      'conflict',
      'The ground rules have changed since you read them. Please read them again.',
      {
        revision: current.revision,
      },
    );
  try {
    await GroundRulesAgreementModel.create({ roomId, userId, revision });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
}
