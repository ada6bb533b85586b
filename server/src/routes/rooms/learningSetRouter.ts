import { Router } from 'express';
import { routes, setMemberAbilities } from '@common-ground/shared';
import type { AppContext } from '../../AppContext.ts';
import { recordAudit } from '../../audit/recordAudit.ts';
import { agreeToGroundRules, reviseGroundRules } from '../../commands/learningSets/groundRulesReviser.ts';
import { putSetMember, removeSetMember } from '../../commands/learningSets/setMemberChanger.ts';
import { requireUser } from '../../middlewares/authenticate.ts';
import { authorizeAbility } from '../../policies/authorize.ts';
import { loadSetForCaller } from '../../policies/roomPolicy.ts';
import { presentSetMembers } from '../../presenters/presentSetMembers.ts';
import {
  agreedTo,
  currentGroundRules,
  learningSetStateFor,
  listedSetMembers,
} from '../../queries/learningSets.ts';
import { registerRoute } from '../registerRoute.ts';

const ONLY_FACILITATORS = "Only the set's facilitators can do that.";

/** A learning set's own people and its ground rules. */
export function learningSetRouter({ services }: AppContext): Router {
  const router = Router();

  const presentList = async (
    roomId: string,
    userId: string,
    standing: Parameters<typeof learningSetStateFor>[2],
  ) => {
    const set = await learningSetStateFor(roomId, userId, standing);
    const members = await presentSetMembers(
      await listedSetMembers(roomId),
      await agreedTo(roomId, set.groundRulesRevision),
      { id: userId, ...standing },
    );
    return { members, set };
  };

  registerRoute(router, routes.listSetMembers, async ({ params: { id } }, req, res) => {
    const caller = requireUser(req);
    const { standing } = await loadSetForCaller(caller, id);
    res.json(await presentList(id, caller.user.id, standing));
  });

  registerRoute(router, routes.putSetMember, async ({ params: { id }, body }, req, res) => {
    const caller = requireUser(req);
    const { room, abilities, standing } = await loadSetForCaller(caller, id);
    authorizeAbility(abilities.manage, ONLY_FACILITATORS);
    const { previousRole } = await putSetMember(services.accessEvents, room, caller.user.id, body);
    await recordAudit('set.member.changed', {
      req,
      roomId: id,
      communityId: String(room.communityId),
      targetUserId: body.userId,
      detail: { from: previousRole, to: body.role },
    });
    const rules = await currentGroundRules(id);
    const agreed = await agreedTo(id, rules?.revision ?? null);
    const [member] = await presentSetMembers(
      (await listedSetMembers(id)).filter((row) => String(row.userId) === body.userId),
      agreed,
      { id: caller.user.id, ...standing },
    );
    res.json({ member: member! });
  });

  registerRoute(router, routes.removeSetMember, async ({ params: { id, userId } }, req, res) => {
    const caller = requireUser(req);
    const { room, standing } = await loadSetForCaller(caller, id);
    const may = setMemberAbilities({ id: caller.user.id, ...standing }, { userId });
    authorizeAbility(may.remove || may.leave, ONLY_FACILITATORS);
    await removeSetMember(services.accessEvents, room, userId);
    await recordAudit('set.member.removed', {
      req,
      roomId: id,
      communityId: String(room.communityId),
      targetUserId: userId,
    });
    res.status(204).end();
  });

  registerRoute(router, routes.getGroundRules, async ({ params: { id } }, req, res) => {
    const caller = requireUser(req);
    const { standing, role } = await loadSetForCaller(caller, id);
    authorizeAbility(role !== null, 'Only the people in this learning set can read its ground rules.');
    res.json(await presentGroundRules(id, caller.user.id, standing));
  });

  registerRoute(router, routes.writeGroundRules, async ({ params: { id }, body }, req, res) => {
    const caller = requireUser(req);
    const { room, abilities, standing } = await loadSetForCaller(caller, id);
    authorizeAbility(abilities.manage, ONLY_FACILITATORS);
    await reviseGroundRules(id, caller.user.id, { reason: 'written', rules: body.rules });
    await recordAudit('set.groundRules.written', { req, roomId: id, communityId: String(room.communityId) });
    res.json(await presentGroundRules(id, caller.user.id, standing));
  });

  registerRoute(router, routes.agreeToGroundRules, async ({ params: { id }, body }, req, res) => {
    const caller = requireUser(req);
    const { abilities } = await loadSetForCaller(caller, id);
    authorizeAbility(abilities.agree, 'Only the people in this learning set agree to its ground rules.');
    await agreeToGroundRules(id, caller.user.id, body.revision);
    res.status(204).end();
  });

  return router;
}

async function presentGroundRules(
  roomId: string,
  userId: string,
  standing: Parameters<typeof learningSetStateFor>[2],
) {
  const [rules, set] = await Promise.all([
    currentGroundRules(roomId),
    learningSetStateFor(roomId, userId, standing),
  ]);
  return {
    groundRules: rules
      ? { revision: rules.revision, rules: rules.rules, changedAt: rules.at.toISOString() }
      : null,
    set,
  };
}
