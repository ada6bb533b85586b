import { recordOpenDayAttended } from '../partnerships/journeyRecorder.ts';
import { OpenDayModel } from '../../models/OpenDay.ts';
import { OpenDayAttendanceModel } from '../../models/OpenDayAttendance.ts';
import type { OpenDayRegistrationRecord } from '../../models/OpenDayRegistration.ts';
import { RoomModel } from '../../models/Room.ts';

/**
 * Puts a visitor's attendance on the journey of each partnership it belongs to, only with their consent: the open
 * day's innovation, and a partnership of that innovation in which the visitor's (verified) organisation is the
 * source or a recipient. Only attendance that presence recorded counts; the journey names the organisation, never the
 * person. Consent given again changes nothing (each organisation's attendance is recorded once per open day).
 */
export async function recordAttendanceOnJourneys(
  registration: OpenDayRegistrationRecord,
  consented: boolean,
): Promise<number> {
  if (!consented || !registration.organisationId || !registration.organisationVerified) return 0;
  const [openDay, attended] = await Promise.all([
    OpenDayModel.findById(registration.openDayId, { innovationId: 1, title: 1, startsAt: 1 }).lean(),
    OpenDayAttendanceModel.findOne({ registrationId: registration._id }).lean(),
  ]);
  if (!openDay?.innovationId || !attended) return 0;
  const organisationId = registration.organisationId;
  const partnerships = await RoomModel.find(
    {
      kind: 'partnership',
      innovationId: openDay.innovationId,
      $or: [{ sourceOrganisationId: organisationId }, { recipientOrganisationIds: organisationId }],
    },
    { _id: 1 },
  ).lean();
  for (const room of partnerships)
    await recordOpenDayAttended({
      roomId: String(room._id),
      openDayId: String(openDay._id),
      openDayTitle: openDay.title,
      organisationId: String(organisationId),
      at: attended.firstSeenAt,
      consented,
    });
  return partnerships.length;
}
