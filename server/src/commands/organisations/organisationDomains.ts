import { AppError } from '../../errors.ts';
import { isDuplicateKey } from '../../database/isDuplicateKey.ts';
import { trusted } from '../../database/trusted.ts';
import { OrganisationModel } from '../../models/Organisation.ts';
import { OrganisationDomainModel } from '../../models/OrganisationDomain.ts';

/**
 * Sets an organisation's email domains. Each new domain is claimed with a unique insert, so two organisations can
 * never both hold one; a domain held by another organisation is a 409 and changes nothing.
 */
export async function setOrganisationDomains(organisationId: string, domains: string[]): Promise<void> {
  const held = await OrganisationDomainModel.find({ organisationId }).lean();
  const heldNames = new Set(held.map((claim) => claim._id));
  const added: string[] = [];
  for (const domain of domains.filter((name) => !heldNames.has(name))) {
    try {
      await OrganisationDomainModel.create({ _id: domain, organisationId });
      added.push(domain);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      await OrganisationDomainModel.deleteMany({ _id: trusted({ $in: added }) });
      throw new AppError('conflict', `Another organisation already lists ${domain}.`, {
        fields: { emailDomains: `Another organisation already lists ${domain}` },
      });
    }
  }
  const removed = [...heldNames].filter((name) => !domains.includes(name));
  if (removed.length)
    await OrganisationDomainModel.deleteMany({ _id: trusted({ $in: removed }), organisationId });
  await OrganisationModel.updateOne({ _id: organisationId }, { $set: { emailDomains: domains } });
}
