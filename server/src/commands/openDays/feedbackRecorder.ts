import type { z } from 'zod';
import type { feedbackBodySchema } from '@common-ground/shared';
import { isDuplicateKey } from '../../database/isDuplicateKey.ts';
import { OpenDayFeedbackModel } from '../../models/OpenDayFeedback.ts';
import type { OpenDayRegistrationRecord } from '../../models/OpenDayRegistration.ts';

type FeedbackBody = z.output<typeof feedbackBodySchema>;

/** Records (or replaces) a visitor's feedback: one per registration, keyed by its id, holding no name. */
export async function recordFeedback(registration: OpenDayRegistrationRecord, body: FeedbackBody) {
  const doc = { openDayId: registration.openDayId, ...body, submittedAt: new Date() };
  try {
    await OpenDayFeedbackModel.replaceOne({ _id: registration._id }, doc, { upsert: true });
  } catch (error) {
    // Two submissions raced to create it: the other created it, so this one replaces it.
    if (!isDuplicateKey(error)) throw error;
    await OpenDayFeedbackModel.replaceOne({ _id: registration._id }, doc);
  }
  return (await OpenDayFeedbackModel.findById(registration._id).lean())!;
}
