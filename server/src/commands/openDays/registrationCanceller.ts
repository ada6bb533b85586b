import type { AccessEvents } from '../../access/AccessEvents.ts';
import { hashToken } from '../../auth/tokens.ts';
import { trusted } from '../../database/trusted.ts';
import { AppError } from '../../errors.ts';
import { openDayRegistrationCancelledEmail } from '../../mail/templates/openDayEmails.ts';
import { OpenDayModel } from '../../models/OpenDay.ts';
import { OpenDayRegistrationModel } from '../../models/OpenDayRegistration.ts';
import { SessionModel } from '../../models/Session.ts';
import { VisitorPassModel } from '../../models/VisitorPass.ts';
import { mailDetailsOf, type OpenDayMailContext } from './openDayMail.ts';
import { emailPromoted } from './openDayRegistrar.ts';
import { promoteWaitingList, releasePlace } from './placeAllocator.ts';

/**
 * Cancels a registration from the link in its email: the place goes back (to the first on the waiting list, who is
 * emailed their pass), the pass stops working, and the visitor gets a confirmation. Only the emailed token can do
 * this, so knowing someone's address is not enough.
 */
export async function cancelRegistrationByToken(
  context: OpenDayMailContext,
  accessEvents: AccessEvents,
  token: string,
): Promise<void> {
  const pass = await VisitorPassModel.findOne({
    tokenHash: hashToken(token),
    openDayId: trusted({ $ne: null }),
  }).lean();
  const registration = pass ? await OpenDayRegistrationModel.findOne({ passId: pass._id }) : null;
  if (!pass || !registration)
    throw new AppError('not_found', 'This link is not valid. It may be from an older email.');
  const openDay = await OpenDayModel.findById(registration.openDayId);
  if (!openDay) throw new AppError('gone', 'This open day has ended.');
  if (registration.status === 'cancelled') return;
  await OpenDayRegistrationModel.updateOne({ _id: registration._id }, { $set: { status: 'cancelled' } });
  await releasePlace(openDay._id, registration._id);
  await VisitorPassModel.updateOne({ _id: pass._id }, { $set: { revokedAt: new Date() } });
  await SessionModel.deleteMany({ passId: pass._id });
  await accessEvents.publish({ type: 'pass.revoked', passId: String(pass._id) });
  const details = await mailDetailsOf(openDay);
  await context.mailer.send(openDayRegistrationCancelledEmail({ to: registration.email, details }));
  if (!openDay.cancelledAt) {
    const promoted = await promoteWaitingList(openDay._id, openDay.capacity);
    await emailPromoted(context, openDay, promoted);
  }
}
