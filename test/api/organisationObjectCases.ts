import type { Affiliation, Organisation } from '@common-ground/shared';
import { MembershipModel } from '../../server/src/models/Membership.ts';
import { OrganisationAffiliationModel } from '../../server/src/models/OrganisationAffiliation.ts';
import { createOrganisation, registerUser, type SignedIn } from '../support/factories.ts';
import { api } from '../support/http.ts';
import { objectCase as c, type ObjectCase, type ObjectProbeResult, type ObjectWorld } from './objectCase.ts';

/** An organisation with one person in each organisation role, and a second pending request to act on. */
interface OrganisationWorld {
  organisation: Organisation;
  admin: SignedIn;
  member: SignedIn;
  pending: SignedIn;
  outsider: SignedIn;
  target: SignedIn;
}
type Who = Exclude<keyof OrganisationWorld, 'organisation' | 'target'>;

const affiliations = (organisation: Organisation) => `/api/organisations/${organisation.id}/affiliations`;

async function requestToJoin(origin: string, organisation: Organisation): Promise<SignedIn> {
  const person = await registerUser(origin);
  await api(origin, 'POST', affiliations(organisation), { cookie: person.cookie, body: {} });
  return person;
}

async function organisationWorld(origin: string): Promise<OrganisationWorld> {
  const admin = await registerUser(origin);
  const organisation = await createOrganisation(origin, admin);
  const member = await requestToJoin(origin, organisation);
  const confirmed = await api(origin, 'PATCH', `${affiliations(organisation)}/${member.user.id}`, {
    cookie: admin.cookie,
    body: { status: 'confirmed' },
  });
  if (confirmed.status !== 200) throw new Error(`confirm: ${confirmed.status}`);
  const pending = await requestToJoin(origin, organisation);
  const target = await requestToJoin(origin, organisation);
  return { organisation, admin, member, pending, outsider: await registerUser(origin), target };
}

const statusOf = (o: OrganisationWorld, person: SignedIn) =>
  OrganisationAffiliationModel.findOne({ organisationId: o.organisation.id, userId: person.user.id }).lean();

/** Someone confirms the target's pending request. */
const confirm =
  (who: Who) =>
  async (world: ObjectWorld): Promise<ObjectProbeResult> => {
    const o = await organisationWorld(world.origin);
    const result = await api(world.origin, 'PATCH', `${affiliations(o.organisation)}/${o.target.user.id}`, {
      cookie: o[who].cookie,
      body: { status: 'confirmed' },
    });
    return { status: result.status, effect: (await statusOf(o, o.target))?.status === 'confirmed' };
  };

/** Someone declines the target's request, or (`self`) withdraws their own. */
const decline = (who: Who, whose: 'target' | 'self') => async (world: ObjectWorld) => {
  const o = await organisationWorld(world.origin);
  const person = whose === 'self' ? o[who] : o.target;
  const result = await api(world.origin, 'DELETE', `${affiliations(o.organisation)}/${person.user.id}`, {
    cookie: o[who].cookie,
  });
  return { status: result.status, effect: (await statusOf(o, person)) === null };
};

/** Someone lists the organisation's people; the effect is seeing the pending requests. */
const listPeople = (who: Who) => async (world: ObjectWorld) => {
  const o = await organisationWorld(world.origin);
  const result = await api<{ affiliations?: Affiliation[] }>(
    world.origin,
    'GET',
    affiliations(o.organisation),
    {
      cookie: o[who].cookie,
    },
  );
  // Only administrators are shown requests, each with what they may do about it.
  const seen = result.body.affiliations ?? [];
  const administers = seen.some((person) => person.status === 'pending' && person.abilities?.update);
  return { status: result.status, effect: administers };
};

/** Someone accepts an invitation the facilitator sent to another address, or to their own. */
const accept = (whose: 'theirs' | 'someone else’s') => async (world: ObjectWorld) => {
  const invitee = await registerUser(world.origin);
  const holder = whose === 'theirs' ? invitee : await registerUser(world.origin);
  const invited = await api<{ invitation: { token: string } }>(
    world.origin,
    'POST',
    `/api/communities/${world.community.id}/invitations`,
    { cookie: world.facilitator.cookie, body: { email: invitee.user.email, role: 'observer' } },
  );
  const token = invited.body.invitation.token;
  const result = await api(world.origin, 'POST', `/api/invitations/${token}/accept`, {
    cookie: holder.cookie,
  });
  const joined = await MembershipModel.exists({ communityId: world.community.id, userId: holder.user.id });
  return { status: result.status, effect: joined !== null };
};

/** Organisation people and invitations: each row fails if its rule in shared/src/permissions, or its use, breaks. */
export const ORGANISATION_OBJECT_CASES: readonly ObjectCase[] = [
  c('affiliationAbilities.update (confirm)', 'an organisation admin', true, confirm('admin')),
  c('affiliationAbilities.update (confirm)', 'a confirmed member', false, confirm('member')),
  c('affiliationAbilities.update (confirm)', 'someone still pending', false, confirm('pending')),
  c('affiliationAbilities.update (confirm)', 'someone from elsewhere', false, confirm('outsider')),
  c('affiliationAbilities.remove (decline)', 'an organisation admin', true, decline('admin', 'target')),
  c('affiliationAbilities.remove (decline)', 'a confirmed member', false, decline('member', 'target')),
  c('affiliationAbilities.remove (withdraw)', 'someone pending, their own', true, decline('pending', 'self')),
  c('organisationAbilities.administer (see requests)', 'an organisation admin', true, listPeople('admin')),
  // A member may list people, so the answer is 200, without the requests.
  c(
    'organisationAbilities.administer (see requests)',
    'a confirmed member',
    false,
    listPeople('member'),
    200,
  ),
  c('organisationAbilities.listPeople', 'someone still pending', false, listPeople('pending')),
  c('invitationAbilities.accept', 'the invited address', true, accept('theirs')),
  c('invitationAbilities.accept', 'someone else holding the link', false, accept('someone else’s')),
];
