import { Router, type Request } from 'express';
import { routes } from '@common-ground/shared';
import type { AppContext } from '../../AppContext.ts';
import { recordAudit } from '../../audit/recordAudit.ts';
import { eraseAccount, ensureNothingIsOrphaned } from '../../commands/account/accountEraser.ts';
import { checkCurrentPassword } from '../../commands/account/passwordChanger.ts';
import { clearSessionCookie, requireUser } from '../../middlewares/authenticate.ts';
import { rateLimit } from '../../middlewares/rateLimit.ts';
import { collectPersonalData } from '../../queries/personalData.ts';
import { registerRoute } from '../registerRoute.ts';

const bySession = (req: Request) => req.caller?.sessionId ?? req.ip ?? '';

/** The signed-in person's rights over their data: a copy of everything stored about them, and erasure. */
export function privacyRouter({ env, services }: AppContext): Router {
  const router = Router();

  registerRoute(
    router,
    routes.exportMyData,
    [rateLimit(env, { bucket: 'data-export', limit: 10, windowMs: 60 * 60_000, key: bySession })],
    async (_input, req, res) => {
      const caller = requireUser(req);
      await recordAudit('account.exported', { req, targetUserId: caller.user.id });
      const data = await collectPersonalData(caller.user.id);
      const day = new Date().toISOString().slice(0, 10);
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="common-ground-my-data-${day}.json"`);
      res.setHeader('Cache-Control', 'private, no-store');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.send(JSON.stringify(data, null, 2));
    },
  );

  registerRoute(
    router,
    routes.deleteMyAccount,
    [rateLimit(env, { bucket: 'account-delete', limit: 10, windowMs: 15 * 60_000, key: bySession })],
    async ({ body }, req, res) => {
      const caller = requireUser(req);
      await checkCurrentPassword(caller, body.password, 'password');
      await ensureNothingIsOrphaned(caller.user.id);
      const erasure = await eraseAccount(services.accessEvents, caller.user.id, {
        removeMessages: body.messages === 'remove',
      });
      services.discussionNews.messagesChanged(erasure.changedMessages);
      // One event per community they were in, so its facilitators see it in their audit log.
      for (const communityId of erasure.communityIds)
        await recordAudit('account.erased', {
          req,
          communityId,
          targetUserId: caller.user.id,
          detail: { messages: erasure.messagesRemoved ? 'removed' : 'kept' },
        });
      clearSessionCookie(res);
      res.status(204).end();
    },
  );

  return router;
}
