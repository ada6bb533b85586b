import type { CreateInnovationBody, Innovation, Organisation, User } from '@common-ground/shared';
import { InnovationModel } from '../../server/src/models/Innovation.ts';
import { createOrganisation, joinCommunityAs, registerUser, type SignedIn } from '../support/factories.ts';
import { api } from '../support/http.ts';
import { objectCase as c, type ObjectCase, type ObjectWorld } from './objectCase.ts';

/** A full profile, with a null finding among its evidence; overrides replace whole fields. */
export function buildInnovation(
  sourceOrganisationId: string,
  overrides: Partial<CreateInnovationBody> = {},
): CreateInnovationBody {
  return {
    sourceOrganisationId,
    name: `Drop-in ${Math.random().toString(36).slice(2, 8)}`,
    summary: 'A city-centre emotional wellbeing service for young people up to 25.',
    vision: 'Young people get help when they ask for it.',
    coreFunctions: [{ title: 'Same-day help', achieves: 'Help the same day, without an appointment' }],
    adaptableFeatures: [{ title: 'Where it is', why: 'Any easy-to-reach, informal place works' }],
    evidence: [
      {
        claim: 'Waiting times for specialist services fell',
        kind: 'local monitoring',
        finding: 'positive',
        source: 'Service data 2016–17',
        date: '2017-09-30',
      },
      {
        claim: 'No change in re-referrals after a year',
        kind: 'process evaluation',
        finding: 'null',
        source: 'University evaluation',
        sourceUrl: 'https://example.org/evaluation',
        date: '2018-03-31',
      },
    ],
    context: {
      size: 'One city, about 3,500 visits a year',
      commissioning: 'Part of an integrated mental health contract',
      staffing: 'Therapists, youth workers and peer support',
      cost: 'About five per cent of the CAMHS budget',
      nonNegotiable: 'No appointment needed',
      doDifferently: 'Involve young people in hiring from the start',
    },
    ...overrides,
  };
}

/** Confirms someone as working for an organisation: they ask, its admin confirms. */
export async function confirmAt(
  origin: string,
  admin: SignedIn,
  organisation: Organisation,
  person: SignedIn,
) {
  const path = `/api/organisations/${organisation.id}/affiliations`;
  await api(origin, 'POST', path, { cookie: person.cookie, body: {} });
  const confirmed = await api(origin, 'PATCH', `${path}/${person.user.id}`, {
    cookie: admin.cookie,
    body: { status: 'confirmed' },
  });
  if (confirmed.status !== 200) throw new Error(`confirm: ${confirmed.status}`);
}

/**
 * A new organisation that the owner of the cookie (when it is a signed-in person's) is confirmed as working for, so
 * whether they may add an innovation for it turns on their community role alone.
 */
export async function organisationConfirming(origin: string, cookie: string | null): Promise<Organisation> {
  const admin = await registerUser(origin);
  const organisation = await createOrganisation(origin, admin, { kind: 'voluntary' });
  const me = await api<{ user: User }>(origin, 'GET', '/api/me', { cookie });
  if (me.status === 200 && cookie)
    await confirmAt(origin, admin, organisation, { user: me.body.user, cookie, password: '' });
  return organisation;
}

/** An organisation (with its admin) and an innovation of it in the matrix's community. */
async function sourceWithInnovation(world: ObjectWorld) {
  const admin = await registerUser(world.origin);
  const organisation = await createOrganisation(world.origin, admin, { kind: 'voluntary' });
  const author = await joinCommunityAs(world.origin, world.facilitator, world.community.id, 'member');
  await confirmAt(world.origin, admin, organisation, author);
  const created = await api<{ innovation: Innovation }>(
    world.origin,
    'POST',
    `/api/communities/${world.community.id}/innovations`,
    { cookie: author.cookie, body: buildInnovation(organisation.id) },
  );
  if (created.status !== 201) throw new Error(`create innovation: ${created.status}`);
  return { admin, organisation, innovation: created.body.innovation };
}

type Editor = 'confirmed at the source' | 'confirmed at another organisation' | 'still pending at the source';

/** A member of the community renames the innovation; the effect is the new name stored. */
const rename = (who: Editor) => async (world: ObjectWorld) => {
  const { admin, organisation, innovation } = await sourceWithInnovation(world);
  const editor = await joinCommunityAs(world.origin, world.facilitator, world.community.id, 'member');
  if (who === 'confirmed at the source') await confirmAt(world.origin, admin, organisation, editor);
  else if (who === 'confirmed at another organisation') await createOrganisation(world.origin, editor);
  else
    await api(world.origin, 'POST', `/api/organisations/${organisation.id}/affiliations`, {
      cookie: editor.cookie,
      body: {},
    });
  const name = `Renamed ${Math.random().toString(36).slice(2, 8)}`;
  const result = await api(world.origin, 'PATCH', `/api/innovations/${innovation.id}`, {
    cookie: editor.cookie,
    body: { revision: innovation.revision, name },
  });
  const stored = await InnovationModel.findById(innovation.id).lean();
  return { status: result.status, effect: stored?.name === name };
};

/** Innovation profiles: each row fails if innovationAbilities, or the route's use of it, breaks. */
export const INNOVATION_OBJECT_CASES: readonly ObjectCase[] = [
  c('innovationAbilities.edit', 'a member confirmed at the source', true, rename('confirmed at the source')),
  c(
    'innovationAbilities.edit',
    'a member confirmed at another organisation',
    false,
    rename('confirmed at another organisation'),
  ),
  c(
    'innovationAbilities.edit',
    'a member still pending at the source',
    false,
    rename('still pending at the source'),
  ),
];

/** The matrix probe for `innovation.edit`: adds an innovation for an organisation the caller is confirmed at, so only
 * the capability decides. */
export async function probeInnovationEdit(
  world: { origin: string; community: { id: string } },
  cookie: string | null,
): Promise<{ status: number; effect: boolean }> {
  const name = `Innovation-${Math.random().toString(36).slice(2, 10)}`;
  const organisation = await organisationConfirming(world.origin, cookie);
  const result = await api(world.origin, 'POST', `/api/communities/${world.community.id}/innovations`, {
    cookie,
    body: {
      sourceOrganisationId: organisation.id,
      name,
      summary: 'Help the same day, without an appointment',
    },
  });
  return { status: result.status, effect: (await InnovationModel.exists({ name })) !== null };
}
