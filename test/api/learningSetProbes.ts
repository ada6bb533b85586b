import type { Room } from '@common-ground/shared';
import { GroundRulesAgreementModel } from '../../server/src/models/GroundRulesAgreement.ts';
import { GroundRulesRevisionModel } from '../../server/src/models/GroundRulesRevision.ts';
import { SetMemberModel } from '../../server/src/models/SetMember.ts';
import { addToSet, createRoom, joinCommunityAs, type SignedIn } from '../support/factories.ts';
import { api } from '../support/http.ts';

/** The part of the matrix's world these probes need. */
interface SetWorld {
  origin: string;
  community: { id: string };
  facilitator: SignedIn;
  member: SignedIn;
  observer: SignedIn;
}

type SetProbe = (world: SetWorld, cookie: string | null) => Promise<{ status: number; effect?: boolean }>;

/** Two learning sets in the matrix's community: one with every role as its people, one none of them is in. */
interface Sets {
  everyRole: Room;
  othersOnly: Room;
}

const setsByWorld = new WeakMap<SetWorld, Promise<Sets>>();

function setsOf(world: SetWorld): Promise<Sets> {
  let sets = setsByWorld.get(world);
  if (!sets) {
    sets = (async () => {
      const { origin, community, facilitator } = world;
      const everyRole = await createRoom(origin, facilitator, community.id, { kind: 'learning-set' });
      await addToSet(origin, facilitator, everyRole.id, world.member.user.id, 'member');
      await addToSet(origin, facilitator, everyRole.id, world.observer.user.id, 'observer');
      const written = await api(origin, 'PUT', `/api/rooms/${everyRole.id}/ground-rules`, {
        cookie: facilitator.cookie,
        body: { rules: ['What is said here stays here.'] },
      });
      if (written.status !== 200) throw new Error(`could not write ground rules: ${written.status}`);
      const creator = await joinCommunityAs(origin, facilitator, community.id, 'member');
      const othersOnly = await createRoom(origin, creator, community.id, { kind: 'learning-set' });
      return { everyRole, othersOnly };
    })();
    setsByWorld.set(world, sets);
  }
  return sets;
}

/**
 * The matrix's probes for a learning set's own capabilities. The community role decides `set.oversee` (seeing who is
 * in a set one is not in); the set role decides `set.manage` and `groundRules.agree`, and every role of the matrix
 * holds the same role in the set as in the community.
 */
export const LEARNING_SET_PROBES: Record<'set.oversee' | 'set.manage' | 'groundRules.agree', SetProbe> = {
  'set.oversee': async (world, cookie) => {
    const { othersOnly } = await setsOf(world);
    return {
      status: (await api(world.origin, 'GET', `/api/rooms/${othersOnly.id}/members`, { cookie })).status,
    };
  },
  'set.manage': async (world, cookie) => {
    const { everyRole } = await setsOf(world);
    const newcomer = await joinCommunityAs(world.origin, world.facilitator, world.community.id, 'observer');
    const result = await api(world.origin, 'POST', `/api/rooms/${everyRole.id}/members`, {
      cookie,
      body: { userId: newcomer.user.id, role: 'observer' },
    });
    const listed = await SetMemberModel.exists({
      roomId: everyRole.id,
      userId: newcomer.user.id,
      removedAt: null,
    });
    return { status: result.status, effect: listed !== null };
  },
  'groundRules.agree': async (world, cookie) => {
    const { everyRole } = await setsOf(world);
    const current = await GroundRulesRevisionModel.findOne({ roomId: everyRole.id })
      .sort({ revision: -1 })
      .lean();
    const revision = current?.revision ?? 1;
    const before = await GroundRulesAgreementModel.countDocuments({ roomId: everyRole.id, revision });
    const result = await api(world.origin, 'POST', `/api/rooms/${everyRole.id}/ground-rules/agreement`, {
      cookie,
      body: { revision },
    });
    const after = await GroundRulesAgreementModel.countDocuments({ roomId: everyRole.id, revision });
    return { status: result.status, effect: after > before };
  },
};
