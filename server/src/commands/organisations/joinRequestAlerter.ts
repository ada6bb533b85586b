import { isWebmailDomain } from '@common-ground/shared';
import type { Types } from 'mongoose';
import { isDuplicateKey } from '../../database/isDuplicateKey.ts';
import { trusted } from '../../database/trusted.ts';
import type { Mailer } from '../../mail/Mailer.ts';
import { unsubscribeLinkFor } from '../../mail/unsubscribeLinkFor.ts';
import { wantsEmail } from '../../queries/mailPreferences.ts';
import { joinRequestEmail } from '../../mail/templates/identityEmails.ts';
import { NotificationModel } from '../../models/Notification.ts';
import { OrganisationModel } from '../../models/Organisation.ts';
import { OrganisationAffiliationModel } from '../../models/OrganisationAffiliation.ts';
import { UserModel } from '../../models/User.ts';

/**
 * Tells an organisation's confirmed admins that someone asked to join: one in-app notification each (once per
 * request, settled by the notification's unique index) and one email each. The email names the person and the
 * organisation only, and says when the person's address is free webmail.
 */
export async function alertJoinRequest(
  mailer: Mailer,
  organisationId: string,
  requesterId: string,
  url: string,
): Promise<void> {
  const [organisation, requester, affiliation] = await Promise.all([
    OrganisationModel.findById(organisationId, { name: 1 }).lean(),
    UserModel.findById(requesterId, { displayName: 1, email: 1 }).lean(),
    OrganisationAffiliationModel.findOne({ organisationId, userId: requesterId, status: 'pending' }).lean(),
  ]);
  if (!organisation || !requester || !affiliation) return;
  const adminRows = await OrganisationAffiliationModel.find(
    { organisationId, status: 'confirmed', isAdmin: true },
    { userId: 1 },
  ).lean();
  const admins = await UserModel.find(
    { _id: trusted({ $in: adminRows.map((row) => row.userId) }) },
    { email: 1 },
  ).lean();
  for (const admin of admins) {
    const created = await notifyOnce(admin._id, affiliation._id, organisation, requester);
    if (!created || !mailer.canSend || !(await wantsEmail(String(admin._id), 'join-request'))) continue;
    const unsubscribe = await unsubscribeLinkFor(String(admin._id), 'join-request', new URL(url).origin);
    await mailer.send(
      joinRequestEmail(
        admin.email,
        {
          organisationName: organisation.name,
          displayName: requester.displayName,
          webmail: isWebmailDomain(requester.email),
          byEmailDomain: affiliation.byEmailDomain,
          url,
        },
        unsubscribe,
      ),
    );
  }
}

async function notifyOnce(
  adminId: Types.ObjectId,
  affiliationId: Types.ObjectId,
  organisation: { _id: Types.ObjectId; name: string },
  requester: { _id: Types.ObjectId; displayName: string },
): Promise<boolean> {
  try {
    await NotificationModel.create({
      userId: adminId,
      kind: 'join-request',
      messageId: affiliationId,
      organisationId: organisation._id,
      organisationName: organisation.name,
      actorId: requester._id,
      actorName: requester.displayName,
      excerpt: '',
    });
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}
