import { Router } from 'express';
import { organisationVerificationAbilities, routes } from '@common-ground/shared';
import type { AppContext } from '../../AppContext.ts';
import { recordAudit } from '../../audit/recordAudit.ts';
import { setOrganisationDomains } from '../../commands/organisations/organisationDomains.ts';
import { setOrganisationVerified } from '../../commands/organisations/organisationVerifier.ts';
import { requireUser } from '../../middlewares/authenticate.ts';
import { OrganisationModel } from '../../models/Organisation.ts';
import { authorizeAbility } from '../../policies/authorize.ts';
import { loadOrganisationStanding } from '../../policies/organisationPolicy.ts';
import { presentOrganisation } from '../../presenters/presentOrganisation.ts';
import { registerRoute } from '../registerRoute.ts';

/** Whether an organisation is who it says (verification) and which email domains are its own. */
export function organisationTrustRouter(_context: AppContext): Router {
  const router = Router();

  registerRoute(router, routes.updateOrganisation, async ({ params: { id }, body }, req, res) => {
    const caller = requireUser(req);
    const { standing } = await loadOrganisationStanding(caller, id);
    authorizeAbility(
      organisationVerificationAbilities(standing).editDomains,
      "Only a verified organisation's admins can set its email domains.",
    );
    await setOrganisationDomains(id, body.emailDomains);
    await recordAudit('organisation.domains.changed', {
      req,
      detail: { organisationId: id, domains: body.emailDomains.join(' ') },
    });
    const now = await loadOrganisationStanding(caller, id);
    res.json({
      organisation: presentOrganisation(now.organisation),
      abilities: organisationVerificationAbilities(now.standing),
    });
  });

  registerRoute(router, routes.verifyOrganisation, async ({ params: { id }, body }, req, res) => {
    const caller = requireUser(req);
    const { standing } = await loadOrganisationStanding(caller, id);
    authorizeAbility(
      organisationVerificationAbilities(standing).verify,
      'Only a platform administrator, or a facilitator of a community its people take part in, can verify an organisation.',
    );
    await setOrganisationVerified(id, body.verified, caller.user.id);
    await recordAudit(body.verified ? 'organisation.verified' : 'organisation.unverified', {
      req,
      detail: { organisationId: id },
    });
    const now = await loadOrganisationStanding(caller, id);
    const organisation = (await OrganisationModel.findById(id)) ?? now.organisation;
    res.json({
      organisation: presentOrganisation(organisation),
      abilities: organisationVerificationAbilities(now.standing),
    });
  });

  return router;
}
