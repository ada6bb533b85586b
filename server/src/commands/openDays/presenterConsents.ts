import { isValidObjectId } from 'mongoose';
import { OPEN_DAY_LIMITS, type CreatePresenterBody } from '@common-ground/shared';
import { AppError } from '../../errors.ts';
import { OpenDayPresenterModel } from '../../models/OpenDayPresenter.ts';

/** Records a lived-experience presenter by first name, with the consent the host took before the day. */
export async function recordPresenter(openDayId: string, recordedBy: string, body: CreatePresenterBody) {
  if ((await OpenDayPresenterModel.countDocuments({ openDayId })) >= OPEN_DAY_LIMITS.presenters)
    throw new AppError('conflict', 'This open day has as many presenters as it can record.');
  return OpenDayPresenterModel.create({
    openDayId,
    firstName: body.firstName,
    consentToPresent: true,
    consentToRecording: body.consentToRecording,
    recordedBy,
  });
}

/** Withdraws a presenter's consent to recording, or all consent (they then do not present). */
export async function withdrawPresenterConsent(
  openDayId: string,
  presenterId: string,
  consent: 'recording' | 'all',
) {
  const presenter = isValidObjectId(presenterId)
    ? await OpenDayPresenterModel.findOne({ _id: presenterId, openDayId })
    : null;
  if (!presenter) throw new AppError('not_found', 'Presenter not found.');
  const set =
    consent === 'all'
      ? { consentToPresent: false, consentToRecording: false, withdrawnAt: new Date() }
      : { consentToRecording: false };
  await OpenDayPresenterModel.updateOne({ _id: presenter._id }, { $set: set });
  return (await OpenDayPresenterModel.findById(presenter._id).lean())!;
}
