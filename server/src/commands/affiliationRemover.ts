import { leaveOrganisationProblem } from '@common-ground/shared';
import { AppError } from '../errors.ts';
import { OrganisationAffiliationModel } from '../models/OrganisationAffiliation.ts';
import { UserModel } from '../models/User.ts';

/** How many confirmed admins an organisation has. */
export const adminCountOf = (organisationId: string) =>
  OrganisationAffiliationModel.countDocuments({ organisationId, status: 'confirmed', isAdmin: true });

const lastAdmin = (problem: string) => new AppError('conflict', problem, { reason: 'last_admin' });

/**
 * Ends someone's affiliation (a declined request, a removal, or leaving), keeping at least one admin. Two admins
 * leaving at once could each see the other still there; there are no transactions, so the check is made again after
 * the delete, and a removal that left nobody in charge is put back and refused.
 */
export async function removeAffiliation(organisationId: string, userId: string): Promise<void> {
  const affiliation = await OrganisationAffiliationModel.findOne({ organisationId, userId }).lean();
  if (!affiliation) throw new AppError('not_found', 'That person is not affiliated with this organisation.');
  const isAdmin = affiliation.status === 'confirmed' && affiliation.isAdmin;
  const problem = leaveOrganisationProblem({ isAdmin }, isAdmin ? await adminCountOf(organisationId) : 0);
  if (problem) throw lastAdmin(problem);
  const removed = await OrganisationAffiliationModel.findOneAndDelete({ organisationId, userId });
  if (!removed) throw new AppError('not_found', 'That person is not affiliated with this organisation.');
  if (isAdmin && (await adminCountOf(organisationId)) === 0) {
    await OrganisationAffiliationModel.create(affiliation);
    throw lastAdmin(leaveOrganisationProblem({ isAdmin }, 0) ?? '');
  }
  await UserModel.updateOne({ _id: userId, organisationId }, { $set: { organisationId: null } });
}

/** Refuses to make an organisation's last admin an ordinary member. */
export async function checkAdminStepDown(
  organisationId: string,
  affiliation: { isAdmin: boolean },
): Promise<void> {
  if (!affiliation.isAdmin) return;
  const problem = leaveOrganisationProblem(affiliation, await adminCountOf(organisationId));
  if (problem) throw lastAdmin(problem);
}

/**
 * Refuses a new claim or organisation that would replace a claim where this person is the last admin (a person
 * belongs to one organisation at a time, so the old claim goes): that organisation would be left with nobody in
 * charge.
 */
export async function checkMayReplaceAffiliation(userId: string, keepOrganisationId?: string): Promise<void> {
  const current = await OrganisationAffiliationModel.find({
    userId,
    status: 'confirmed',
    isAdmin: true,
  }).lean();
  for (const affiliation of current) {
    if (String(affiliation.organisationId) === keepOrganisationId) continue;
    await checkAdminStepDown(String(affiliation.organisationId), affiliation);
  }
}
