import { MessageModel } from '../../models/Message.ts';
import { OrganisationModel } from '../../models/Organisation.ts';

/**
 * Marks an organisation verified (or takes that back), and keeps the standing stored beside its name in messages in
 * step, so old messages are shown with the organisation's standing now.
 */
export async function setOrganisationVerified(
  organisationId: string,
  verified: boolean,
  byUserId: string,
): Promise<void> {
  await OrganisationModel.updateOne(
    { _id: organisationId },
    {
      $set: verified
        ? { verifiedAt: new Date(), verifiedBy: byUserId }
        : { verifiedAt: null, verifiedBy: null },
    },
  );
  await MessageModel.updateMany(
    { authorOrganisationId: organisationId },
    { $set: { authorOrganisationVerified: verified } },
  );
}
