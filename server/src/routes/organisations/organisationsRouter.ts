import { Router } from 'express';
import {
  affiliationAbilities,
  isWebmailDomain,
  organisationAbilities,
  organisationVerificationAbilities,
  routes,
  type Affiliation,
  type OrganisationViewer,
} from '@common-ground/shared';
import type { AppContext } from '../../AppContext.ts';
import { recordAudit } from '../../audit/recordAudit.ts';
import { checkAdminStepDown, removeAffiliation } from '../../commands/affiliationRemover.ts';
import { alertJoinRequest } from '../../commands/organisations/joinRequestAlerter.ts';
import { sendInBackground } from '../../mail/sendInBackground.ts';
import { publicOrigin } from '../publicOrigin.ts';
import { createOrganisation, requestAffiliation } from '../../commands/organisationCreator.ts';
import { AppError } from '../../errors.ts';
import { requireUser } from '../../middlewares/authenticate.ts';
import { OrganisationModel } from '../../models/Organisation.ts';
import { OrganisationAffiliationModel } from '../../models/OrganisationAffiliation.ts';
import { UserModel } from '../../models/User.ts';
import { authorizeAbility } from '../../policies/authorize.ts';
import { loadOrganisationForCaller, loadOrganisationStanding } from '../../policies/organisationPolicy.ts';
import { presentOrganisation } from '../../presenters/presentOrganisation.ts';
import { trusted } from '../../database/trusted.ts';
import { registerRoute } from '../registerRoute.ts';

const ONLY_ADMINS = "Only this organisation's admins can do that.";

/** Organisations, and confirming who works for them. */
export function organisationsRouter({ env, logger, services }: AppContext): Router {
  const router = Router();

  registerRoute(router, routes.createOrganisation, async ({ body }, req, res) => {
    const caller = requireUser(req);
    const organisation = await createOrganisation(caller.user.id, body);
    res.status(201).json({ organisation: presentOrganisation(organisation) });
  });

  registerRoute(router, routes.searchOrganisations, async ({ query: { search } }, req, res) => {
    requireUser(req);
    const organisations = await OrganisationModel.find({}).sort({ nameKey: 1 }).limit(2000).lean();
    const needle = search?.toLowerCase();
    // Search in application code: $text and regex pushdown differ between MongoDB and FerretDB.
    const matches = needle ? organisations.filter((o) => o.nameKey.includes(needle)) : organisations;
    res.json({ organisations: matches.slice(0, 50).map(presentOrganisation) });
  });

  registerRoute(router, routes.getOrganisation, async ({ params: { id } }, req, res) => {
    const caller = requireUser(req);
    const { organisation, standing } = await loadOrganisationStanding(caller, id);
    res.json({
      organisation: presentOrganisation(organisation),
      abilities: organisationVerificationAbilities(standing),
    });
  });

  registerRoute(router, routes.requestAffiliation, async ({ params: { id } }, req, res) => {
    const caller = requireUser(req);
    // Asking again changes nothing, and a new claim is pending, which may do no more than having none.
    const { role } = await loadOrganisationForCaller(caller, id);
    const asked = await requestAffiliation(caller.user.id, id);
    if (asked) {
      await recordAudit('organisation.affiliation.requested', { req, detail: { organisationId: id } });
      const url = `${publicOrigin(env, req)}/organisation`;
      sendInBackground(logger, 'join-request', () =>
        alertJoinRequest(services.mailer, id, caller.user.id, url),
      );
    }
    const viewer = { id: caller.user.id, role };
    res.status(201).json({ affiliation: await presentAffiliation(id, caller.user.id, viewer, true) });
  });

  registerRoute(router, routes.listAffiliations, async ({ params: { id } }, req, res) => {
    const caller = requireUser(req);
    const { role } = await loadOrganisationForCaller(caller, id);
    const { listPeople, administer } = organisationAbilities(role);
    authorizeAbility(listPeople, 'Only confirmed members of this organisation can see who works there.');
    const viewer = { id: caller.user.id, role };
    const affiliations = await OrganisationAffiliationModel.find(
      administer ? { organisationId: id } : { organisationId: id, status: 'confirmed' },
    )
      .sort({ requestedAt: 1 })
      .lean();
    const users = await UserModel.find(
      { _id: trusted({ $in: affiliations.map((a) => a.userId) }) },
      { displayName: 1, email: 1 },
    ).lean();
    const byId = new Map(users.map((u) => [String(u._id), u]));
    const list: Affiliation[] = affiliations.map((a) => ({
      userId: String(a.userId),
      displayName: byId.get(String(a.userId))?.displayName ?? 'Unknown',
      email: administer ? (byId.get(String(a.userId))?.email ?? null) : null,
      webmail: administer && isWebmailDomain(byId.get(String(a.userId))?.email ?? ''),
      byEmailDomain: a.byEmailDomain,
      status: a.status as 'pending' | 'confirmed',
      isAdmin: a.isAdmin,
      requestedAt: a.requestedAt.toISOString(),
      abilities: affiliationAbilities(viewer, { userId: String(a.userId) }),
    }));
    res.json({ affiliations: list });
  });

  registerRoute(router, routes.updateAffiliation, async ({ params: { id, userId }, body }, req, res) => {
    const caller = requireUser(req);
    const { role } = await loadOrganisationForCaller(caller, id);
    const viewer = { id: caller.user.id, role };
    authorizeAbility(affiliationAbilities(viewer, { userId }).update, ONLY_ADMINS);
    const affiliation = await OrganisationAffiliationModel.findOne({ organisationId: id, userId });
    if (!affiliation) throw new AppError('not_found', 'That person has not asked to join this organisation.');
    if (body.isAdmin !== undefined && affiliation.status !== 'confirmed' && body.status !== 'confirmed') {
      throw new AppError('conflict', 'Confirm that this person works here before making them an admin.');
    }
    if (body.status === 'confirmed' && affiliation.status !== 'confirmed') {
      affiliation.status = 'confirmed';
      affiliation.confirmedBy = caller.user.id as never;
      await recordAudit('organisation.affiliation.confirmed', {
        req,
        targetUserId: userId,
        detail: { organisationId: id },
      });
    }
    if (body.isAdmin === false && affiliation.status === 'confirmed')
      await checkAdminStepDown(id, affiliation);
    if (body.isAdmin !== undefined) affiliation.isAdmin = body.isAdmin;
    await affiliation.save();
    // Admins may change their own standing, so what they may now do is asked afresh.
    const now = await loadOrganisationForCaller(caller, id);
    res.json({ affiliation: await presentAffiliation(id, userId, { ...viewer, role: now.role }, true) });
  });

  registerRoute(router, routes.removeAffiliation, async ({ params: { id, userId } }, req, res) => {
    const caller = requireUser(req);
    const { role } = await loadOrganisationForCaller(caller, id);
    authorizeAbility(affiliationAbilities({ id: caller.user.id, role }, { userId }).remove, ONLY_ADMINS);
    await removeAffiliation(id, userId);
    res.status(204).end();
  });

  return router;
}

async function presentAffiliation(
  organisationId: string,
  userId: string,
  viewer: OrganisationViewer,
  showEmail: boolean,
): Promise<Affiliation> {
  const [affiliation, user] = await Promise.all([
    OrganisationAffiliationModel.findOne({ organisationId, userId }).lean(),
    UserModel.findById(userId, { displayName: 1, email: 1 }).lean(),
  ]);
  if (!affiliation || !user) throw new AppError('not_found', 'Affiliation not found.');
  return {
    userId,
    displayName: user.displayName,
    email: showEmail ? user.email : null,
    webmail: showEmail && isWebmailDomain(user.email),
    byEmailDomain: affiliation.byEmailDomain,
    status: affiliation.status as 'pending' | 'confirmed',
    isAdmin: affiliation.isAdmin,
    requestedAt: affiliation.requestedAt.toISOString(),
    abilities: affiliationAbilities(viewer, { userId }),
  };
}
