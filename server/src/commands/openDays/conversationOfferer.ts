import { isValidObjectId } from 'mongoose';
import { AppError } from '../../errors.ts';
import { openDayConversationEmail } from '../../mail/templates/openDayEmails.ts';
import type { OpenDayRecord } from '../../models/OpenDay.ts';
import { OpenDayFeedbackModel } from '../../models/OpenDayFeedback.ts';
import { OpenDayRegistrationModel } from '../../models/OpenDayRegistration.ts';
import { mailDetailsOf, type OpenDayMailContext } from './openDayMail.ts';

/**
 * Emails a visitor who said they would like to talk about adopting, offering a conversation with the host's named
 * contact. The visitor's organisation, not the host, then creates any partnership.
 */
export async function offerConversation(
  context: OpenDayMailContext,
  openDay: OpenDayRecord,
  registrationId: string,
  message: string,
  host: { name: string; email: string },
): Promise<void> {
  const registration = isValidObjectId(registrationId)
    ? await OpenDayRegistrationModel.findOne({ _id: registrationId, openDayId: openDay._id })
    : null;
  if (!registration) throw new AppError('not_found', 'Registration not found.');
  const feedback = await OpenDayFeedbackModel.findById(registration._id).lean();
  if (!feedback?.wouldLikeToTalk)
    throw new AppError(
      'conflict',
      'Only visitors who said they would like to talk can be offered a conversation.',
    );
  const contact = openDay.contact?.email
    ? { name: openDay.contact.name!, email: openDay.contact.email }
    : host;
  await context.mailer.send(
    openDayConversationEmail({
      to: registration.email,
      details: await mailDetailsOf(openDay),
      message,
      contact,
    }),
  );
  await OpenDayRegistrationModel.updateOne(
    { _id: registration._id },
    { $set: { conversationOfferedAt: new Date() } },
  );
}
