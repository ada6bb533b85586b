import type { RegisterForOpenDayBody } from '@common-ground/shared';
import { hashToken, newToken } from '../../auth/tokens.ts';
import { isDuplicateKey } from '../../database/isDuplicateKey.ts';
import { AppError } from '../../errors.ts';
import { openDayConfirmationEmail, openDayWaitingEmail } from '../../mail/templates/openDayEmails.ts';
import type { OpenDayRecord } from '../../models/OpenDay.ts';
import {
  OpenDayRegistrationModel,
  type OpenDayRegistrationRecord,
} from '../../models/OpenDayRegistration.ts';
import { OrganisationModel } from '../../models/Organisation.ts';
import { VisitorPassModel } from '../../models/VisitorPass.ts';
import { cancelUrl, icsFor, mailDetailsOf, passUrl, type OpenDayMailContext } from './openDayMail.ts';
import { passWindowOf, rotatePassToken } from './passTokens.ts';
import { claimPlace } from './placeAllocator.ts';

type Body = Omit<RegisterForOpenDayBody, 'organisationId' | 'organisationName'> & {
  organisationId?: string | undefined;
  organisationName?: string | undefined;
};

/** The organisation a registration names: picked from the verified list, or typed and marked unverified. */
export async function registrationOrganisation(
  body: Pick<Body, 'organisationId' | 'organisationName'>,
): Promise<{ id: string | null; name: string; verified: boolean }> {
  if (body.organisationId) {
    const organisation = await OrganisationModel.findById(body.organisationId, {
      name: 1,
      verifiedAt: 1,
    }).lean();
    if (!organisation?.verifiedAt)
      throw new AppError('validation_failed', 'Pick your organisation from the list, or type its name.', {
        fields: { organisationId: 'Pick an organisation from the list' },
      });
    return { id: String(organisation._id), name: organisation.name, verified: true };
  }
  return { id: null, name: body.organisationName ?? '', verified: false };
}

/** Finds the registration of this address for this open day, or creates it (with its pass) as waiting. */
async function findOrCreate(
  openDay: OpenDayRecord,
  body: Body,
  organisation: { id: string | null; name: string; verified: boolean },
): Promise<{ registration: OpenDayRegistrationRecord; created: boolean }> {
  const existing = await OpenDayRegistrationModel.findOne({ openDayId: openDay._id, email: body.email });
  if (existing) return { registration: existing, created: false };
  const pass = await VisitorPassModel.create({
    roomId: openDay.roomId,
    label: body.displayName,
    tokenHash: hashToken(newToken()),
    createdBy: openDay.createdBy,
    openDayId: openDay._id,
    ...passWindowOf(openDay),
  });
  try {
    const registration = await OpenDayRegistrationModel.create({
      openDayId: openDay._id,
      email: body.email,
      displayName: body.displayName,
      organisationId: organisation.id,
      organisationName: organisation.name,
      organisationVerified: organisation.verified,
      role: body.role,
      context: body.context ?? '',
      wantToFindOut: body.wantToFindOut ?? '',
      adjustments: body.adjustments ?? '',
      status: 'waiting',
      passId: pass._id,
    });
    return { registration, created: true };
  } catch (error) {
    await VisitorPassModel.deleteOne({ _id: pass._id });
    if (!isDuplicateKey(error)) throw error;
    // The same address registered at the same moment from elsewhere: that registration is the one.
    const winner = await OpenDayRegistrationModel.findOne({ openDayId: openDay._id, email: body.email });
    if (!winner) throw error;
    return { registration: winner, created: false };
  }
}

/**
 * Registers an address for an open day and emails it: a place and the pass (with the `.ics`) while places last,
 * otherwise the waiting list. The same address again keeps its place (or its turn) and gets a fresh email with a
 * new link; its details are not overwritten, so knowing a colleague's address changes nothing for them. A cancelled
 * registration registering again rejoins, taking a free place or the back of the queue.
 */
export async function registerForOpenDay(
  context: OpenDayMailContext,
  openDay: OpenDayRecord,
  body: Body,
  organisation: { id: string | null; name: string; verified: boolean },
): Promise<void> {
  const { registration, created } = await findOrCreate(openDay, body, organisation);
  if (created || registration.status === 'cancelled') {
    if (registration.status === 'cancelled') {
      await OpenDayRegistrationModel.updateOne(
        { _id: registration._id, status: 'cancelled' },
        { $set: { status: 'waiting', createdAt: new Date() } },
      );
    }
    const placed = await claimPlace(openDay._id, registration._id, openDay.capacity);
    if (placed) {
      await OpenDayRegistrationModel.updateOne({ _id: registration._id }, { $set: { status: 'confirmed' } });
    }
  }
  const current = await OpenDayRegistrationModel.findById(registration._id);
  if (!current) return;
  const token = await rotatePassToken(String(current.passId));
  await sendRegistrationEmail(context, openDay, current, token);
}

/** The email a registration gets now: its pass if it holds a place, its place in the queue otherwise. */
export async function sendRegistrationEmail(
  context: OpenDayMailContext,
  openDay: OpenDayRecord,
  registration: OpenDayRegistrationRecord,
  token: string,
  options: { fromWaitingList?: boolean } = {},
): Promise<void> {
  const details = await mailDetailsOf(openDay);
  if (registration.status === 'confirmed') {
    await context.mailer.send(
      openDayConfirmationEmail({
        to: registration.email,
        details,
        passUrl: passUrl(context, token),
        cancelUrl: cancelUrl(context, token),
        ics: icsFor(openDay, context, details.hostName),
        fromWaitingList: options.fromWaitingList ?? false,
      }),
    );
  } else if (registration.status === 'waiting') {
    await context.mailer.send(
      openDayWaitingEmail({ to: registration.email, details, cancelUrl: cancelUrl(context, token) }),
    );
  }
}

/** Emails each newly promoted registration its pass ("a place has come up"). */
export async function emailPromoted(
  context: OpenDayMailContext,
  openDay: OpenDayRecord,
  registrationIds: string[],
): Promise<void> {
  for (const id of registrationIds) {
    const registration = await OpenDayRegistrationModel.findById(id);
    if (!registration) continue;
    const token = await rotatePassToken(String(registration.passId));
    await sendRegistrationEmail(context, openDay, registration, token, { fromWaitingList: true });
  }
}
