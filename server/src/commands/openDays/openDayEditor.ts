import type { z } from 'zod';
import type { updateOpenDayBodySchema } from '@common-ground/shared';
import type { AccessEvents } from '../../access/AccessEvents.ts';
import { trusted } from '../../database/trusted.ts';
import { AppError } from '../../errors.ts';
import { openDayCancelledEmail, openDayChangedEmail } from '../../mail/templates/openDayEmails.ts';
import { OpenDayModel, type OpenDayRecord } from '../../models/OpenDay.ts';
import { OpenDayRegistrationModel } from '../../models/OpenDayRegistration.ts';
import { SessionModel } from '../../models/Session.ts';
import { VisitorPassModel } from '../../models/VisitorPass.ts';
import { icsFor, mailDetailsOf, passUrl, type OpenDayMailContext } from './openDayMail.ts';
import { emailPromoted } from './openDayRegistrar.ts';
import { rotatePassToken, updatePassWindows } from './passTokens.ts';
import { placesTaken, promoteWaitingList } from './placeAllocator.ts';
import { checkLinkedContent } from './openDayScheduler.ts';

type UpdateBody = z.output<typeof updateOpenDayBodySchema>;

/** The fields whose change every registered visitor is told about by email. */
const ANNOUNCED: (keyof UpdateBody)[] = [
  'title',
  'description',
  'startsAt',
  'endsAt',
  'venue',
  'accessInformation',
  'onlineJoinUrl',
];

/**
 * Changes an open day. A change to what visitors planned around (title, description, times, venue, access, joining
 * link) emails everyone registered, with a fresh pass link and `.ics` for those holding a place; a larger capacity
 * offers the new places to the waiting list. A capacity below the places already taken is refused.
 */
export async function updateOpenDay(
  context: OpenDayMailContext,
  openDay: OpenDayRecord,
  body: UpdateBody,
): Promise<OpenDayRecord> {
  if (openDay.cancelledAt) throw new AppError('conflict', 'This open day was cancelled.');
  await checkLinkedContent(String(openDay.communityId), body.preReadDocumentIds, body.innovationId);
  const startsAt = body.startsAt ? new Date(body.startsAt) : openDay.startsAt;
  const endsAt = body.endsAt ? new Date(body.endsAt) : openDay.endsAt;
  if (endsAt <= startsAt)
    throw new AppError('validation_failed', 'The open day must end after it starts.', {
      fields: { endsAt: 'Choose a time after the start' },
    });
  if (body.capacity !== undefined && body.capacity < (await placesTaken(openDay._id)))
    throw new AppError('conflict', 'More people already hold places than that. Cancel places first.', {
      fields: { capacity: 'Choose at least the number of places taken' },
    });
  const set: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(body)) {
    if (value === undefined) continue;
    if (field === 'startsAt' || field === 'endsAt') set[field] = new Date(value as string);
    else if (field === 'safeguardingLead' || field === 'contact')
      set[field] = value === null ? null : { role: null, phone: null, ...(value as object) };
    else set[field] = value;
  }
  await OpenDayModel.updateOne({ _id: openDay._id }, { $set: set });
  const updated = (await OpenDayModel.findById(openDay._id))!;
  if (body.startsAt || body.endsAt) await updatePassWindows(updated);
  if (body.capacity !== undefined && body.capacity > openDay.capacity) {
    const promoted = await promoteWaitingList(updated._id, updated.capacity);
    await emailPromoted(context, updated, promoted);
  }
  if (ANNOUNCED.some((field) => body[field] !== undefined)) await announceChange(context, updated);
  return updated;
}

/** Emails everyone registered (holding a place or waiting) that the open day changed. */
async function announceChange(context: OpenDayMailContext, openDay: OpenDayRecord): Promise<void> {
  const details = await mailDetailsOf(openDay);
  const registrations = await OpenDayRegistrationModel.find({
    openDayId: openDay._id,
    status: trusted({ $in: ['confirmed', 'waiting'] }),
  });
  for (const registration of registrations) {
    const confirmed = registration.status === 'confirmed';
    const token = confirmed ? await rotatePassToken(String(registration.passId)) : null;
    await context.mailer.send(
      openDayChangedEmail({
        to: registration.email,
        details,
        passUrl: token ? passUrl(context, token) : null,
        ics: confirmed ? icsFor(openDay, context, details.hostName) : null,
      }),
    );
  }
}

/**
 * Cancels an open day: every pass stops working at once (sessions end, open connections close) and everyone
 * registered is emailed.
 */
export async function cancelOpenDay(
  context: OpenDayMailContext,
  accessEvents: AccessEvents,
  openDay: OpenDayRecord,
  reason: string | undefined,
): Promise<OpenDayRecord> {
  await OpenDayModel.updateOne(
    { _id: openDay._id, cancelledAt: null },
    { $set: { cancelledAt: new Date() } },
  );
  const passes = await VisitorPassModel.find({ openDayId: openDay._id, revokedAt: null }, { _id: 1 }).lean();
  await VisitorPassModel.updateMany({ openDayId: openDay._id }, { $set: { revokedAt: new Date() } });
  for (const pass of passes) {
    await SessionModel.deleteMany({ passId: pass._id });
    await accessEvents.publish({ type: 'pass.revoked', passId: String(pass._id) });
  }
  const updated = (await OpenDayModel.findById(openDay._id))!;
  const details = await mailDetailsOf(updated);
  const registrations = await OpenDayRegistrationModel.find({
    openDayId: openDay._id,
    status: trusted({ $in: ['confirmed', 'waiting'] }),
  });
  for (const registration of registrations) {
    await context.mailer.send(
      openDayCancelledEmail({ to: registration.email, details, reason: reason ?? null }),
    );
  }
  return updated;
}
