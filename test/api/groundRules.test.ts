import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUGGESTED_GROUND_RULES, type Room } from '@common-ground/shared';
import { api } from '../support/http.ts';
import { addToSet, joinCommunityAs, type SignedIn } from '../support/factories.ts';
import { learningSetWorld } from '../support/learningSetWorld.ts';
import { startTestServer, type TestServer } from '../support/startTestServer.ts';

type World = Awaited<ReturnType<typeof learningSetWorld>>;
interface Listed {
  members: { userId: string; agreed: boolean }[];
}

let server: TestServer;
let world: World;
beforeAll(async () => {
  server = await startTestServer({ DISABLE_RATE_LIMITS: 'true' });
  world = await learningSetWorld(server.origin);
});
afterAll(async () => server?.stop());

const rulesPath = () => `/api/rooms/${world.set.id}/ground-rules`;
const agree = (who: SignedIn, revision: number) =>
  api(server.origin, 'POST', `${rulesPath()}/agreement`, { cookie: who.cookie, body: { revision } });
const write = (who: SignedIn, rules: readonly string[]) =>
  api<{ groundRules: { revision: number; rules: string[] } }>(server.origin, 'PUT', rulesPath(), {
    cookie: who.cookie,
    body: { rules },
  });
const roomFor = async (who: SignedIn) =>
  (await api<{ room: Room }>(server.origin, 'GET', `/api/rooms/${world.set.id}`, { cookie: who.cookie })).body
    .room;
const agreedIn = async (who: SignedIn) => {
  const listed = await api<Listed>(server.origin, 'GET', `/api/rooms/${world.set.id}/members`, {
    cookie: who.cookie,
  });
  return Object.fromEntries(listed.body.members.map((member) => [member.userId, member.agreed]));
};

describe('ground rules (contracting)', () => {
  it('suggests rules whose confidentiality names its limit: safeguarding, including the LADO', () => {
    const text = SUGGESTED_GROUND_RULES.join('\n');
    expect(text).toMatch(/safeguarding/i);
    expect(text).toMatch(/LADO/);
    expect(text).toMatch(/questions rather than give advice/i);
    expect(text).toMatch(/names or any identifying details of children or families/i);
  });

  it('has nothing to agree to until the set writes its rules', async () => {
    const read = await api(server.origin, 'GET', rulesPath(), { cookie: world.setMember.cookie });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ groundRules: null, set: { groundRulesRevision: null, agreed: false } });
    expect((await agree(world.setMember, 1)).status).toBe(409);
  });

  it('asks everyone to agree, shows facilitators who has not, and asks again when the rules change', async () => {
    expect((await write(world.setMember, SUGGESTED_GROUND_RULES)).status).toBe(403);
    const first = await write(world.setFacilitator, SUGGESTED_GROUND_RULES);
    expect(first.status).toBe(200);
    expect(first.body.groundRules).toMatchObject({ revision: 1, rules: [...SUGGESTED_GROUND_RULES] });
    expect((await roomFor(world.setMember)).learningSet).toMatchObject({
      groundRulesRevision: 1,
      agreed: false,
    });

    expect((await agree(world.setMember, 1)).status).toBe(204);
    expect((await agree(world.setMember, 1)).status, 'agreeing twice is harmless').toBe(204);
    expect((await roomFor(world.setMember)).learningSet?.agreed).toBe(true);
    expect(await agreedIn(world.setFacilitator)).toEqual({
      [world.setFacilitator.user.id]: false,
      [world.setMember.user.id]: true,
    });

    const changed = await write(world.setFacilitator, [
      ...SUGGESTED_GROUND_RULES,
      'We start and end on time.',
    ]);
    expect(changed.body.groundRules.revision).toBe(2);
    expect((await roomFor(world.setMember)).learningSet).toMatchObject({
      groundRulesRevision: 2,
      agreed: false,
    });
    expect((await agree(world.setMember, 1)).status, 'agreeing to rules no longer in force').toBe(409);
    expect((await agree(world.setMember, 2)).status).toBe(204);
    expect((await roomFor(world.setMember)).learningSet?.agreed).toBe(true);
  });

  it('asks everyone to agree again when someone joins', async () => {
    const before = (await roomFor(world.setMember)).learningSet!;
    expect(before.agreed).toBe(true);
    const newcomer = await joinCommunityAs(server.origin, world.lead, world.community.id, 'member');
    await addToSet(server.origin, world.setFacilitator, world.set.id, newcomer.user.id, 'observer');
    const after = (await roomFor(world.setMember)).learningSet!;
    expect(after.groundRulesRevision).toBe(before.groundRulesRevision! + 1);
    expect(after.agreed).toBe(false);
    expect((await agreedIn(world.setFacilitator))[newcomer.user.id]).toBe(false);
    expect((await agree(newcomer, after.groundRulesRevision!)).status, 'observers agree too').toBe(204);
    // A role change is not a join: nobody has to agree again.
    await addToSet(server.origin, world.setFacilitator, world.set.id, newcomer.user.id, 'member');
    expect((await roomFor(newcomer)).learningSet).toMatchObject({
      groundRulesRevision: after.groundRulesRevision,
      agreed: true,
    });
  });

  it('is only for the set’s own people', async () => {
    const revision = (await roomFor(world.setMember)).learningSet!.groundRulesRevision!;
    expect((await agree(world.lead, revision)).status).toBe(403);
    expect((await agree(world.bystander, revision)).status).toBe(404);
    expect((await agree(world.outsider, revision)).status).toBe(404);
    expect((await write(world.lead, ['Overruled'])).status).toBe(403);
    expect((await api(server.origin, 'GET', rulesPath(), { cookie: world.lead.cookie })).status).toBe(403);
  });
});
